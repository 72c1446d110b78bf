// What faker does not have: common short forms of given names per language (Robert → Bob), the
// Hepburn readings of the Japanese names we use (faker's ja names are kanji only), the kanji
// variants clerks mix up (斎藤 / 斉藤), and transliteration to plain Latin letters.

export type Sex = 'female' | 'male';

interface ShortForm {
  readonly full: string;
  readonly short: readonly string[];
  readonly sex: Sex;
}

const f = (full: string, ...short: string[]): ShortForm => ({ full, short, sex: 'female' });
const m = (full: string, ...short: string[]): ShortForm => ({ full, short, sex: 'male' });

// prettier-ignore
const ENGLISH: readonly ShortForm[] = [
  m('Robert', 'Bob', 'Rob', 'Bobby'), m('William', 'Bill', 'Will'), m('James', 'Jim', 'Jimmy'), m('Richard', 'Rick', 'Dick'),
  m('Michael', 'Mike'), m('Christopher', 'Chris'), m('Thomas', 'Tom'), m('Anthony', 'Tony'), m('Daniel', 'Dan', 'Danny'),
  m('Alexander', 'Alex'), m('Matthew', 'Matt'), m('Joseph', 'Joe'), m('Jonathan', 'Jon'), m('Benjamin', 'Ben'), m('Nicholas', 'Nick'),
  f('Elizabeth', 'Liz', 'Beth'), f('Katherine', 'Kate', 'Kathy'), f('Margaret', 'Maggie', 'Peggy'), f('Jennifer', 'Jenny', 'Jen'),
  f('Rebecca', 'Becky'), f('Samantha', 'Sam'), f('Patricia', 'Pat', 'Trish'), f('Victoria', 'Vicky'), f('Jessica', 'Jess'),
];

/** Short forms by market. */
// prettier-ignore
export const SHORT_FORMS: Readonly<Record<string, readonly ShortForm[]>> = {
  DE: [
    f('Katharina', 'Kathi', 'Katja'), f('Elisabeth', 'Lisa', 'Elli'), f('Stefanie', 'Steffi'), f('Susanne', 'Susi'),
    f('Franziska', 'Franzi'), f('Daniela', 'Dani'), f('Alexandra', 'Alex'), m('Alexander', 'Alex'), m('Christian', 'Chris'),
    m('Andreas', 'Andi'), m('Michael', 'Micha'), m('Thomas', 'Tom'), m('Johannes', 'Hannes'), m('Maximilian', 'Max'),
    m('Benjamin', 'Ben'), m('Matthias', 'Matze'),
  ],
  FR: [
    m('Alexandre', 'Alex'), m('Christophe', 'Chris'), m('Nicolas', 'Nico'), m('Frédéric', 'Fred'), m('Philippe', 'Phil'),
    m('Thomas', 'Tom'), m('Benjamin', 'Ben'), f('Catherine', 'Cathy'), f('Isabelle', 'Isa'), f('Stéphanie', 'Steph'),
    f('Dominique', 'Domi'), f('Véronique', 'Véro'),
  ],
  GB: ENGLISH, US: ENGLISH, CA: ENGLISH, AU: ENGLISH,
  PL: [
    f('Aleksandra', 'Ola'), f('Małgorzata', 'Gosia'), f('Katarzyna', 'Kasia'), f('Agnieszka', 'Aga'), f('Magdalena', 'Magda'),
    f('Joanna', 'Asia'), m('Krzysztof', 'Krzysiek'), m('Tomasz', 'Tomek'), m('Piotr', 'Piotrek'), m('Aleksander', 'Olek'),
    m('Wojciech', 'Wojtek'),
  ],
  BR: [
    m('Francisco', 'Chico'), m('José', 'Zé'), m('Eduardo', 'Dudu'), m('Rafael', 'Rafa'), m('Guilherme', 'Gui'), f('Gabriela', 'Gabi'),
    f('Fernanda', 'Nanda'), f('Beatriz', 'Bia'), f('Isabela', 'Isa'),
  ],
  JP: [],
};

export function shortFormsOf(country: string, given: string): readonly string[] {
  return (SHORT_FORMS[country] ?? []).find((s) => s.full === given)?.short ?? [];
}

export function fullFormsFor(country: string, sex: Sex): readonly string[] {
  return (SHORT_FORMS[country] ?? []).filter((s) => s.sex === sex).map((s) => s.full);
}

/**
 * Hepburn readings of the Japanese names we draw (faker picks the name; only names listed here
 * are used, so every person has a romaji form). Long vowels are written with a macron: Satō is
 * 'Sato' on a passport, 'Satou' or 'Satoh' on a web form.
 */
// prettier-ignore
export const JP_FAMILY_READINGS: Readonly<Record<string, string>> = {
  佐藤: 'Satō', 鈴木: 'Suzuki', 高橋: 'Takahashi', 田中: 'Tanaka', 伊藤: 'Itō', 渡辺: 'Watanabe', 渡邊: 'Watanabe', 山本: 'Yamamoto', 中村: 'Nakamura',
  小林: 'Kobayashi', 加藤: 'Katō', 吉田: 'Yoshida', 山田: 'Yamada', 佐々木: 'Sasaki', 山口: 'Yamaguchi', 松本: 'Matsumoto', 井上: 'Inoue', 木村: 'Kimura',
  林: 'Hayashi', 斎藤: 'Saitō', 斉藤: 'Saitō', 齋藤: 'Saitō', 清水: 'Shimizu', 山崎: 'Yamazaki', 森: 'Mori', 池田: 'Ikeda', 橋本: 'Hashimoto', 阿部: 'Abe',
  石川: 'Ishikawa', 山下: 'Yamashita', 中島: 'Nakajima', 石井: 'Ishii', 小川: 'Ogawa', 前田: 'Maeda', 岡田: 'Okada', 長谷川: 'Hasegawa', 藤田: 'Fujita',
  後藤: 'Gotō', 近藤: 'Kondō', 村上: 'Murakami', 遠藤: 'Endō', 青木: 'Aoki', 坂本: 'Sakamoto', 沢田: 'Sawada', 澤田: 'Sawada', 西村: 'Nishimura',
  福田: 'Fukuda', 太田: 'Ōta', 三浦: 'Miura',
};

// prettier-ignore
export const JP_GIVEN_READINGS: Readonly<Record<Sex, Readonly<Record<string, string>>>> = {
  male: {
    一郎: 'Ichirō', 健太: 'Kenta', 翔太: 'Shōta', 大輔: 'Daisuke', 拓也: 'Takuya', 直樹: 'Naoki', 浩: 'Hiroshi', 誠: 'Makoto', 学: 'Manabu', 亮: 'Ryō',
    悠斗: 'Yūto', 蓮: 'Ren', 大翔: 'Hiroto', 健一: "Ken'ichi", 和也: 'Kazuya', 達也: 'Tatsuya', 大樹: 'Daiki', 海斗: 'Kaito', 颯太: 'Sōta', 隆: 'Takashi',
    茂: 'Shigeru', 清: 'Kiyoshi', 勇: 'Isamu', 修: 'Osamu', 進: 'Susumu', 稔: 'Minoru', 豊: 'Yutaka', 明: 'Akira',
  },
  female: {
    さくら: 'Sakura', 陽子: 'Yōko', 恵子: 'Keiko', 京子: 'Kyōko', 幸子: 'Sachiko', 直美: 'Naomi', 美咲: 'Misaki', 愛: 'Ai', 結衣: 'Yui', 陽菜: 'Hina',
    真由美: 'Mayumi', 由美子: 'Yumiko', 裕子: 'Yūko', 智子: 'Tomoko', 久美子: 'Kumiko', 明美: 'Akemi', 美穂: 'Miho', 香織: 'Kaori', 麻衣: 'Mai', 彩: 'Aya',
    花: 'Hana', 恵: 'Megumi', 愛子: 'Aiko', 洋子: 'Yōko', 典子: 'Noriko', 純子: 'Junko', 沙織: 'Saori',
  },
};

/** Kanji written for one another in family names: a clerk's 'typo' in Japanese. */
const KANJI_VARIANTS: readonly (readonly string[])[] = [
  ['斎藤', '斉藤', '齋藤'],
  ['渡辺', '渡邊', '渡部'],
  ['沢田', '澤田'],
  ['山崎', '山﨑'],
  ['高橋', '髙橋'],
];

export function kanjiVariant(name: string): string | null {
  for (const group of KANJI_VARIANTS) if (group.includes(name)) return group.find((n) => n !== name)!;
  return null;
}

const MACRONS: Readonly<Record<string, string>> = { ā: 'a', ē: 'e', ī: 'i', ō: 'o', ū: 'u', Ā: 'A', Ē: 'E', Ī: 'I', Ō: 'O', Ū: 'U' };

/** Passport romaji: macrons and syllable marks dropped ('Satō' → 'Sato', "Ken'ichi" → 'Kenichi'). */
export const plainRomaji = (reading: string): string => reading.replace(/[āēīōūĀĒĪŌŪ]/g, (c) => MACRONS[c]!).replace(/'/g, '');

// prettier-ignore
const KANA: Readonly<Record<string, string>> = {
  a: 'ア', i: 'イ', u: 'ウ', e: 'エ', o: 'オ', ka: 'カ', ki: 'キ', ku: 'ク', ke: 'ケ', ko: 'コ', ga: 'ガ', gi: 'ギ', gu: 'グ', ge: 'ゲ', go: 'ゴ',
  sa: 'サ', shi: 'シ', su: 'ス', se: 'セ', so: 'ソ', za: 'ザ', ji: 'ジ', zu: 'ズ', ze: 'ゼ', zo: 'ゾ', ta: 'タ', chi: 'チ', tsu: 'ツ', te: 'テ',
  to: 'ト', da: 'ダ', de: 'デ', do: 'ド', na: 'ナ', ni: 'ニ', nu: 'ヌ', ne: 'ネ', no: 'ノ', ha: 'ハ', hi: 'ヒ', fu: 'フ', he: 'ヘ', ho: 'ホ', ba: 'バ',
  bi: 'ビ', bu: 'ブ', be: 'ベ', bo: 'ボ', pa: 'パ', pi: 'ピ', pu: 'プ', pe: 'ペ', po: 'ポ', ma: 'マ', mi: 'ミ', mu: 'ム', me: 'メ', mo: 'モ', ya: 'ヤ',
  yu: 'ユ', yo: 'ヨ', ra: 'ラ', ri: 'リ', ru: 'ル', re: 'レ', ro: 'ロ', wa: 'ワ', kya: 'キャ', kyu: 'キュ', kyo: 'キョ', sha: 'シャ', shu: 'シュ',
  sho: 'ショ', cha: 'チャ', chu: 'チュ', cho: 'チョ', ja: 'ジャ', ju: 'ジュ', jo: 'ジョ', nya: 'ニャ', nyu: 'ニュ', nyo: 'ニョ', hya: 'ヒャ', hyu: 'ヒュ',
  hyo: 'ヒョ', rya: 'リャ', ryu: 'リュ', ryo: 'リョ', gya: 'ギャ', gyu: 'ギュ', gyo: 'ギョ',
};

/**
 * The katakana reading of a Hepburn reading, as Japanese forms ask for it: 'Satō' → 'サトウ',
 * 'Ōta' → 'オオタ', "Ken'ichi" → 'ケンイチ'.
 */
export function katakana(reading: string): string {
  const text = reading.toLowerCase().replace(/^ō/, 'oo').replace(/ō/g, 'ou').replace(/ū/g, 'uu');
  let out = '';
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (c === "'") {
      i += 1;
      continue;
    }
    if (c === 'n' && (i + 1 === text.length || text[i + 1] === "'" || !'aiueoy'.includes(text[i + 1]!))) {
      out += 'ン';
      i += 1;
      continue;
    }
    if (c === text[i + 1] && !'aiueon'.includes(c)) {
      out += 'ッ';
      i += 1;
      continue;
    }
    const syllable = [3, 2, 1].map((n) => text.slice(i, i + n)).find((s) => KANA[s] !== undefined);
    if (!syllable) throw new Error(`no katakana for '${text.slice(i)}' in ${reading}`);
    out += KANA[syllable];
    i += syllable.length;
  }
  return out;
}

/** Another common spelling of a long vowel: 'Satō' → 'Satou' or 'Satoh'. */
export function romajiVariant(reading: string, useH: boolean): string | null {
  if (!/[ōūŌŪ]/.test(reading)) return null;
  return reading
    .replace(/[ōŌ]/g, (c) => (c === 'ō' ? (useH ? 'oh' : 'ou') : useH ? 'Oh' : 'Ou'))
    .replace(/[ūŪ]/g, (c) => (c === 'ū' ? 'uu' : 'Uu'));
}

const GERMAN: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };
const SPECIAL: Readonly<Record<string, string>> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', đ: 'd' };

/**
 * Plain Latin letters as a keyboard without the local letters writes them: 'Müller' → 'Mueller'
 * (German umlauts spelt out), 'Françoise' → 'Francoise', 'Łukasz' → 'Lukasz'.
 */
export function asciiFold(text: string): string {
  return text
    .replace(/[äöüÄÖÜß]/g, (c) => GERMAN[c]!)
    .replace(/[łŁøØæÆœŒđ]/g, (c) => SPECIAL[c]!)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Letters fit for the local part of an email address. */
export const emailWord = (name: string): string =>
  asciiFold(plainRomaji(name))
    .toLowerCase()
    .replace(/[^a-z]/g, '');
