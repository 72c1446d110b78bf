// Generated from libs/schemas/avro/data-quality-report.avsc by libs/schemas/scripts/codegen.mjs. Do not edit.
/* eslint-disable @typescript-eslint/no-namespace */

export type DataQualityReport = IoC360.DataQualityReport;

export namespace IoC360 {
  export const DataQualityReportKindSchema =
    '{"type":"enum","name":"DataQualityReportKind","symbols":["SNAPSHOT","DRIFT_ALERT","OTHER"],"default":"OTHER","doc":"Kinds of report."}';
  export const DataQualityReportKindName = 'io.c360.DataQualityReportKind';
  /**
   * Kinds of report.
   */
  export type DataQualityReportKind = 'SNAPSHOT' | 'DRIFT_ALERT' | 'OTHER';
  export const DriftKindSchema =
    '{"type":"enum","name":"DriftKind","symbols":["COMPLETENESS_DROP","NEW_UNMAPPED_FIELD","REJECT_RATE_RISE","OTHER"],"default":"OTHER"}';
  export const DriftKindName = 'io.c360.DriftKind';
  export type DriftKind = 'COMPLETENESS_DROP' | 'NEW_UNMAPPED_FIELD' | 'REJECT_RATE_RISE' | 'OTHER';
  export const DriftAlertSchema =
    '{"type":"record","name":"DriftAlert","doc":"One reason a source drifted.","fields":[{"name":"kind","pii":"none","type":{"type":"enum","name":"DriftKind","symbols":["COMPLETENESS_DROP","NEW_UNMAPPED_FIELD","REJECT_RATE_RISE","OTHER"],"default":"OTHER"},"doc":"What drifted."},{"name":"field","type":"string","pii":"none","doc":"Canonical field (completeness) or payload path (unmapped); \'*\' for the reject rate."},{"name":"baseline","type":"double","pii":"none","doc":"The trailing baseline (a share, 0..1; 0 for a new field)."},{"name":"current","type":"double","pii":"none","doc":"The window\'s value."},{"name":"message","type":"string","pii":"none","doc":"The alert in words, as logged."}]}';
  export const DriftAlertName = 'io.c360.DriftAlert';
  /**
   * One reason a source drifted.
   */
  export interface DriftAlert {
    /**
     * What drifted.
     */
    kind: IoC360.DriftKind;
    /**
     * Canonical field (completeness) or payload path (unmapped); '*' for the reject rate.
     */
    field: string;
    /**
     * The trailing baseline (a share, 0..1; 0 for a new field).
     */
    baseline: number;
    /**
     * The window's value.
     */
    current: number;
    /**
     * The alert in words, as logged.
     */
    message: string;
  }
  export const DataQualityReportSchema =
    '{"type":"record","name":"DataQualityReport","namespace":"io.c360","owner":"ingestor","doc":"Data quality of one source in one market over a window, or a drift alert about it. Produced by the ingestor on c360.quality.v1, keyed by source:market.","fields":[{"name":"kind","pii":"none","type":{"type":"enum","name":"DataQualityReportKind","symbols":["SNAPSHOT","DRIFT_ALERT","OTHER"],"default":"OTHER","doc":"Kinds of report."},"doc":"SNAPSHOT: the window\'s figures; DRIFT_ALERT: the window broke from the source\'s trailing baseline (alerts lists why)."},{"name":"source","type":"string","pii":"none","doc":"Source system."},{"name":"market","type":"string","pii":"none","doc":"ISO 3166-1 alpha-2 market of the records; \'??\' when a rejected record\'s market was unknown."},{"name":"instance","type":"string","pii":"none","doc":"Ingestor instance that counted the window; a window\'s figures are per instance (sum them across instances)."},{"name":"windowStart","type":{"type":"long","logicalType":"timestamp-millis"},"pii":"none","doc":"Start of the window, UTC epoch milliseconds."},{"name":"windowEnd","type":{"type":"long","logicalType":"timestamp-millis"},"pii":"none","doc":"End of the window, UTC epoch milliseconds."},{"name":"received","type":"long","pii":"none","doc":"Payloads received in the window."},{"name":"accepted","type":"long","pii":"none","doc":"Payloads mapped to canonical events."},{"name":"rejectedByReason","type":{"type":"map","values":"long"},"default":{},"pii":"none","doc":"Payloads dead-lettered, by reason code (validity)."},{"name":"completeness","type":{"type":"map","values":"double"},"default":{},"pii":"none","doc":"Per canonical field path, the share (0..1) of accepted events that carried it."},{"name":"invalidOptional","type":{"type":"map","values":"long"},"default":{},"pii":"none","doc":"Per source path, optional values dropped as invalid (validity)."},{"name":"freshnessP50Ms","type":["null","long"],"default":null,"pii":"none","doc":"Median of ingestedAt - occurredAt over accepted events, milliseconds."},{"name":"freshnessP95Ms","type":["null","long"],"default":null,"pii":"none","doc":"95th percentile of ingestedAt - occurredAt, milliseconds."},{"name":"unmappedFields","type":{"type":"map","values":"long"},"default":{},"pii":"none","doc":"Per payload path that no mapping rule reads, how often it was seen (conformance)."},{"name":"alerts","default":[],"pii":"none","doc":"Why this is a DRIFT_ALERT; empty for a SNAPSHOT.","type":{"type":"array","items":{"type":"record","name":"DriftAlert","doc":"One reason a source drifted.","fields":[{"name":"kind","pii":"none","type":{"type":"enum","name":"DriftKind","symbols":["COMPLETENESS_DROP","NEW_UNMAPPED_FIELD","REJECT_RATE_RISE","OTHER"],"default":"OTHER"},"doc":"What drifted."},{"name":"field","type":"string","pii":"none","doc":"Canonical field (completeness) or payload path (unmapped); \'*\' for the reject rate."},{"name":"baseline","type":"double","pii":"none","doc":"The trailing baseline (a share, 0..1; 0 for a new field)."},{"name":"current","type":"double","pii":"none","doc":"The window\'s value."},{"name":"message","type":"string","pii":"none","doc":"The alert in words, as logged."}]}}}]}';
  export const DataQualityReportName = 'io.c360.DataQualityReport';
  /**
   * Data quality of one source in one market over a window, or a drift alert about it. Produced by the ingestor on c360.quality.v1, keyed by source:market.
   */
  export interface DataQualityReport {
    /**
     * SNAPSHOT: the window's figures; DRIFT_ALERT: the window broke from the source's trailing baseline (alerts lists why).
     */
    kind: IoC360.DataQualityReportKind;
    /**
     * Source system.
     */
    source: string;
    /**
     * ISO 3166-1 alpha-2 market of the records; '??' when a rejected record's market was unknown.
     */
    market: string;
    /**
     * Ingestor instance that counted the window; a window's figures are per instance (sum them across instances).
     */
    instance: string;
    /**
     * Start of the window, UTC epoch milliseconds.
     */
    windowStart: number;
    /**
     * End of the window, UTC epoch milliseconds.
     */
    windowEnd: number;
    /**
     * Payloads received in the window.
     */
    received: number;
    /**
     * Payloads mapped to canonical events.
     */
    accepted: number;
    /**
     * Payloads dead-lettered, by reason code (validity).
     *
     * Default: {}
     */
    rejectedByReason: {
      [index: string]: number;
    };
    /**
     * Per canonical field path, the share (0..1) of accepted events that carried it.
     *
     * Default: {}
     */
    completeness: {
      [index: string]: number;
    };
    /**
     * Per source path, optional values dropped as invalid (validity).
     *
     * Default: {}
     */
    invalidOptional: {
      [index: string]: number;
    };
    /**
     * Median of ingestedAt - occurredAt over accepted events, milliseconds.
     *
     * Default: null
     */
    freshnessP50Ms: null | number;
    /**
     * 95th percentile of ingestedAt - occurredAt, milliseconds.
     *
     * Default: null
     */
    freshnessP95Ms: null | number;
    /**
     * Per payload path that no mapping rule reads, how often it was seen (conformance).
     *
     * Default: {}
     */
    unmappedFields: {
      [index: string]: number;
    };
    /**
     * Why this is a DRIFT_ALERT; empty for a SNAPSHOT.
     *
     * Default: []
     */
    alerts: IoC360.DriftAlert[];
  }
}

export const DataQualityReportSchema = {
  type: 'record',
  name: 'DataQualityReport',
  namespace: 'io.c360',
  owner: 'ingestor',
  doc: 'Data quality of one source in one market over a window, or a drift alert about it. Produced by the ingestor on c360.quality.v1, keyed by source:market.',
  fields: [
    {
      name: 'kind',
      pii: 'none',
      type: {
        type: 'enum',
        name: 'DataQualityReportKind',
        symbols: ['SNAPSHOT', 'DRIFT_ALERT', 'OTHER'],
        default: 'OTHER',
        doc: 'Kinds of report.',
      },
      doc: "SNAPSHOT: the window's figures; DRIFT_ALERT: the window broke from the source's trailing baseline (alerts lists why).",
    },
    { name: 'source', type: 'string', pii: 'none', doc: 'Source system.' },
    {
      name: 'market',
      type: 'string',
      pii: 'none',
      doc: "ISO 3166-1 alpha-2 market of the records; '??' when a rejected record's market was unknown.",
    },
    {
      name: 'instance',
      type: 'string',
      pii: 'none',
      doc: "Ingestor instance that counted the window; a window's figures are per instance (sum them across instances).",
    },
    {
      name: 'windowStart',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      pii: 'none',
      doc: 'Start of the window, UTC epoch milliseconds.',
    },
    {
      name: 'windowEnd',
      type: { type: 'long', logicalType: 'timestamp-millis' },
      pii: 'none',
      doc: 'End of the window, UTC epoch milliseconds.',
    },
    { name: 'received', type: 'long', pii: 'none', doc: 'Payloads received in the window.' },
    { name: 'accepted', type: 'long', pii: 'none', doc: 'Payloads mapped to canonical events.' },
    {
      name: 'rejectedByReason',
      type: { type: 'map', values: 'long' },
      default: {},
      pii: 'none',
      doc: 'Payloads dead-lettered, by reason code (validity).',
    },
    {
      name: 'completeness',
      type: { type: 'map', values: 'double' },
      default: {},
      pii: 'none',
      doc: 'Per canonical field path, the share (0..1) of accepted events that carried it.',
    },
    {
      name: 'invalidOptional',
      type: { type: 'map', values: 'long' },
      default: {},
      pii: 'none',
      doc: 'Per source path, optional values dropped as invalid (validity).',
    },
    {
      name: 'freshnessP50Ms',
      type: ['null', 'long'],
      default: null,
      pii: 'none',
      doc: 'Median of ingestedAt - occurredAt over accepted events, milliseconds.',
    },
    {
      name: 'freshnessP95Ms',
      type: ['null', 'long'],
      default: null,
      pii: 'none',
      doc: '95th percentile of ingestedAt - occurredAt, milliseconds.',
    },
    {
      name: 'unmappedFields',
      type: { type: 'map', values: 'long' },
      default: {},
      pii: 'none',
      doc: 'Per payload path that no mapping rule reads, how often it was seen (conformance).',
    },
    {
      name: 'alerts',
      default: [],
      pii: 'none',
      doc: 'Why this is a DRIFT_ALERT; empty for a SNAPSHOT.',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'DriftAlert',
          doc: 'One reason a source drifted.',
          fields: [
            {
              name: 'kind',
              pii: 'none',
              type: {
                type: 'enum',
                name: 'DriftKind',
                symbols: ['COMPLETENESS_DROP', 'NEW_UNMAPPED_FIELD', 'REJECT_RATE_RISE', 'OTHER'],
                default: 'OTHER',
              },
              doc: 'What drifted.',
            },
            {
              name: 'field',
              type: 'string',
              pii: 'none',
              doc: "Canonical field (completeness) or payload path (unmapped); '*' for the reject rate.",
            },
            {
              name: 'baseline',
              type: 'double',
              pii: 'none',
              doc: 'The trailing baseline (a share, 0..1; 0 for a new field).',
            },
            { name: 'current', type: 'double', pii: 'none', doc: "The window's value." },
            { name: 'message', type: 'string', pii: 'none', doc: 'The alert in words, as logged.' },
          ],
        },
      },
    },
  ],
} as const;
