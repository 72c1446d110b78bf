// `c360`: the command line. generate: synthetic multi-channel data with ground truth, to files
// or to the source topics; score: the resolver's clusters against that ground truth; load: a
// file of native records backfilled through the ingestor's mapping path; rules dry-run: which
// profiles a changed matching file would merge or split.
import { GENERATE_USAGE, generateCommand } from './generate.command';
import { LOAD_USAGE, loadCommand } from './load.command';
import { RULES_USAGE, rulesCommand } from './rules.command';
import { SCORE_USAGE, scoreCommand } from './score.command';

const USAGE = `usage:\n${GENERATE_USAGE}\n${SCORE_USAGE}\n${LOAD_USAGE}\n${RULES_USAGE}`;

async function main(argv: string[]): Promise<number> {
  const root = process.env.C360_ROOT ?? process.cwd();
  const [command, ...rest] = argv;
  switch (command) {
    case 'generate':
      return generateCommand(rest, { root });
    case 'score':
      return scoreCommand(rest);
    case 'load':
      return loadCommand(rest, { root });
    case 'rules':
      return rulesCommand(rest, { root });
    case undefined:
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
