// Recorded from a real Loki 3.7.6 (revision 5003600d) fed by the SDK through the collector:
// GET /loki/api/v1/query_range with header X-Loki-Response-Encoding-Flags: categorize-labels,
// query {service_name=~".+"} | event_name="integration.flow.event" | integration_flow_id="flow_fx1_1",
// direction=forward, limit=50. Kept as a TypeScript module because the plugin build copies
// src/**/*.json into dist. Facts it shows: several events share one nanosecond timestamp;
// events outside an operation carry no trace_id.
const response: unknown = {
 "status": "success",
 "data": {
  "resultType": "streams",
  "encodingFlags": [
   "categorize-labels"
  ],
  "result": [
   {
    "stream": {
     "deployment_environment_name": "demo",
     "service_name": "demo-integration"
    },
    "values": [
     [
      "1795701380906000000",
      "{\"session\":\"[REDACTED]\"}",
      {
       "structuredMetadata": {
        "detected_level": "info",
        "event_name": "integration.flow.event",
        "host_arch": "amd64",
        "host_id": "3d1219c7c4c5404aaa1f6d2a48adfda4",
        "host_name": "vm",
        "integration_customer_id": "cus_soylent",
        "integration_flow_event": "flow_opened",
        "integration_flow_id": "flow_fx1_1",
        "integration_flow_session_id": "sess_fx1_1_1",
        "integration_flow_step": "start",
        "integration_log_type": "connection_flow",
        "integration_tool": "personio",
        "observed_timestamp": "1795701380906000000",
        "os_type": "linux",
        "os_version": "6.18.44-fc-v595",
        "process_command": "/srv/integration-logs/demo/dist/integration/cycle-main.js",
        "process_command_args": "[\"/opt/node24/node_modules/node/bin/node\",\"/srv/integration-logs/demo/dist/integration/cycle-main.js\"]",
        "process_executable_name": "node",
        "process_executable_path": "/opt/node24/node_modules/node/bin/node",
        "process_owner": "root",
        "process_pid": "22651",
        "process_runtime_description": "Node.js",
        "process_runtime_name": "nodejs",
        "process_runtime_version": "24.21.0",
        "scope_name": "@integration-logs/instrumentation",
        "scope_version": "0.1.0",
        "service_instance_id": "f8a5470c-99cf-4f37-8d85-7c2adc1b3752",
        "service_version": "0.1.0",
        "severity_number": "9",
        "severity_text": "INFO"
       }
      }
     ],
     [
      "1795701380906000000",
      "{\"tool\":\"personio\"}",
      {
       "structuredMetadata": {
        "detected_level": "info",
        "event_name": "integration.flow.event",
        "host_arch": "amd64",
        "host_id": "3d1219c7c4c5404aaa1f6d2a48adfda4",
        "host_name": "vm",
        "integration_customer_id": "cus_soylent",
        "integration_flow_event": "tool_selected",
        "integration_flow_id": "flow_fx1_1",
        "integration_flow_session_id": "sess_fx1_1_1",
        "integration_flow_step": "select_tool",
        "integration_log_type": "connection_flow",
        "integration_tool": "personio",
        "observed_timestamp": "1795701380906000000",
        "os_type": "linux",
        "os_version": "6.18.44-fc-v595",
        "process_command": "/srv/integration-logs/demo/dist/integration/cycle-main.js",
        "process_command_args": "[\"/opt/node24/node_modules/node/bin/node\",\"/srv/integration-logs/demo/dist/integration/cycle-main.js\"]",
        "process_executable_name": "node",
        "process_executable_path": "/opt/node24/node_modules/node/bin/node",
        "process_owner": "root",
        "process_pid": "22651",
        "process_runtime_description": "Node.js",
        "process_runtime_name": "nodejs",
        "process_runtime_version": "24.21.0",
        "scope_name": "@integration-logs/instrumentation",
        "scope_version": "0.1.0",
        "service_instance_id": "f8a5470c-99cf-4f37-8d85-7c2adc1b3752",
        "service_version": "0.1.0",
        "severity_number": "9",
        "severity_text": "INFO"
       }
      }
     ],
     [
      "1795701380907000000",
      "{\"credential_kind\":\"[REDACTED]\",\"api_key\":\"[REDACTED]\"}",
      {
       "structuredMetadata": {
        "detected_level": "info",
        "event_name": "integration.flow.event",
        "flags": "1",
        "host_arch": "amd64",
        "host_id": "3d1219c7c4c5404aaa1f6d2a48adfda4",
        "host_name": "vm",
        "integration_customer_id": "cus_soylent",
        "integration_flow_event": "credentials_submitted",
        "integration_flow_id": "flow_fx1_1",
        "integration_flow_session_id": "sess_fx1_1_1",
        "integration_flow_step": "credentials",
        "integration_log_type": "connection_flow",
        "integration_tool": "personio",
        "observed_timestamp": "1795701380907000000",
        "os_type": "linux",
        "os_version": "6.18.44-fc-v595",
        "process_command": "/srv/integration-logs/demo/dist/integration/cycle-main.js",
        "process_command_args": "[\"/opt/node24/node_modules/node/bin/node\",\"/srv/integration-logs/demo/dist/integration/cycle-main.js\"]",
        "process_executable_name": "node",
        "process_executable_path": "/opt/node24/node_modules/node/bin/node",
        "process_owner": "root",
        "process_pid": "22651",
        "process_runtime_description": "Node.js",
        "process_runtime_name": "nodejs",
        "process_runtime_version": "24.21.0",
        "scope_name": "@integration-logs/instrumentation",
        "scope_version": "0.1.0",
        "service_instance_id": "f8a5470c-99cf-4f37-8d85-7c2adc1b3752",
        "service_version": "0.1.0",
        "severity_number": "9",
        "severity_text": "INFO",
        "span_id": "c3db305bcb0e7b39",
        "trace_id": "602f0cd1e27f6092d62354a8d25077cc"
       }
      }
     ],
     [
      "1795701380909000000",
      "{\"reason\":\"user closed the window\"}",
      {
       "structuredMetadata": {
        "detected_level": "info",
        "event_name": "integration.flow.event",
        "host_arch": "amd64",
        "host_id": "3d1219c7c4c5404aaa1f6d2a48adfda4",
        "host_name": "vm",
        "integration_customer_id": "cus_soylent",
        "integration_flow_event": "closed",
        "integration_flow_id": "flow_fx1_1",
        "integration_flow_session_id": "sess_fx1_1_1",
        "integration_flow_step": "credentials",
        "integration_log_type": "connection_flow",
        "integration_tool": "personio",
        "observed_timestamp": "1795701380909000000",
        "os_type": "linux",
        "os_version": "6.18.44-fc-v595",
        "process_command": "/srv/integration-logs/demo/dist/integration/cycle-main.js",
        "process_command_args": "[\"/opt/node24/node_modules/node/bin/node\",\"/srv/integration-logs/demo/dist/integration/cycle-main.js\"]",
        "process_executable_name": "node",
        "process_executable_path": "/opt/node24/node_modules/node/bin/node",
        "process_owner": "root",
        "process_pid": "22651",
        "process_runtime_description": "Node.js",
        "process_runtime_name": "nodejs",
        "process_runtime_version": "24.21.0",
        "scope_name": "@integration-logs/instrumentation",
        "scope_version": "0.1.0",
        "service_instance_id": "f8a5470c-99cf-4f37-8d85-7c2adc1b3752",
        "service_version": "0.1.0",
        "severity_number": "9",
        "severity_text": "INFO"
       }
      }
     ],
     [
      "1795701380909000000",
      "{\"session\":\"[REDACTED]\"}",
      {
       "structuredMetadata": {
        "detected_level": "info",
        "event_name": "integration.flow.event",
        "host_arch": "amd64",
        "host_id": "3d1219c7c4c5404aaa1f6d2a48adfda4",
        "host_name": "vm",
        "integration_customer_id": "cus_soylent",
        "integration_flow_event": "flow_opened",
        "integration_flow_id": "flow_fx1_1",
        "integration_flow_session_id": "sess_fx1_1_2",
        "integration_flow_step": "start",
        "integration_log_type": "connection_flow",
        "integration_tool": "personio",
        "observed_timestamp": "1795701380909000000",
        "os_type": "linux",
        "os_version": "6.18.44-fc-v595",
        "process_command": "/srv/integration-logs/demo/dist/integration/cycle-main.js",
        "process_command_args": "[\"/opt/node24/node_modules/node/bin/node\",\"/srv/integration-logs/demo/dist/integration/cycle-main.js\"]",
        "process_executable_name": "node",
        "process_executable_path": "/opt/node24/node_modules/node/bin/node",
        "process_owner": "root",
        "process_pid": "22651",
        "process_runtime_description": "Node.js",
        "process_runtime_name": "nodejs",
        "process_runtime_version": "24.21.0",
        "scope_name": "@integration-logs/instrumentation",
        "scope_version": "0.1.0",
        "service_instance_id": "f8a5470c-99cf-4f37-8d85-7c2adc1b3752",
        "service_version": "0.1.0",
        "severity_number": "9",
        "severity_text": "INFO"
       }
      }
     ],
     [
      "1795701380909000000",
      "{\"status\":401,\"response\":{\"error\":\"invalid_token\",\"message\":\"the token or API key is invalid or revoked\"}}",
      {
       "structuredMetadata": {
        "detected_level": "warn",
        "event_name": "integration.flow.event",
        "flags": "1",
        "host_arch": "amd64",
        "host_id": "3d1219c7c4c5404aaa1f6d2a48adfda4",
        "host_name": "vm",
        "integration_customer_id": "cus_soylent",
        "integration_flow_event": "credentials_invalid",
        "integration_flow_id": "flow_fx1_1",
        "integration_flow_session_id": "sess_fx1_1_1",
        "integration_flow_step": "credentials",
        "integration_log_type": "connection_flow",
        "integration_tool": "personio",
        "observed_timestamp": "1795701380909000000",
        "os_type": "linux",
        "os_version": "6.18.44-fc-v595",
        "process_command": "/srv/integration-logs/demo/dist/integration/cycle-main.js",
        "process_command_args": "[\"/opt/node24/node_modules/node/bin/node\",\"/srv/integration-logs/demo/dist/integration/cycle-main.js\"]",
        "process_executable_name": "node",
        "process_executable_path": "/opt/node24/node_modules/node/bin/node",
        "process_owner": "root",
        "process_pid": "22651",
        "process_runtime_description": "Node.js",
        "process_runtime_name": "nodejs",
        "process_runtime_version": "24.21.0",
        "scope_name": "@integration-logs/instrumentation",
        "scope_version": "0.1.0",
        "service_instance_id": "f8a5470c-99cf-4f37-8d85-7c2adc1b3752",
        "service_version": "0.1.0",
        "severity_number": "13",
        "severity_text": "WARN",
        "span_id": "c3db305bcb0e7b39",
        "trace_id": "602f0cd1e27f6092d62354a8d25077cc"
       }
      }
     ],
     [
      "1795701380910000000",
      "{\"credential_kind\":\"[REDACTED]\",\"api_key\":\"[REDACTED]\"}",
      {
       "structuredMetadata": {
        "detected_level": "info",
        "event_name": "integration.flow.event",
        "flags": "1",
        "host_arch": "amd64",
        "host_id": "3d1219c7c4c5404aaa1f6d2a48adfda4",
        "host_name": "vm",
        "integration_customer_id": "cus_soylent",
        "integration_flow_event": "credentials_submitted",
        "integration_flow_id": "flow_fx1_1",
        "integration_flow_session_id": "sess_fx1_1_2",
        "integration_flow_step": "credentials",
        "integration_log_type": "connection_flow",
        "integration_tool": "personio",
        "observed_timestamp": "1795701380910000000",
        "os_type": "linux",
        "os_version": "6.18.44-fc-v595",
        "process_command": "/srv/integration-logs/demo/dist/integration/cycle-main.js",
        "process_command_args": "[\"/opt/node24/node_modules/node/bin/node\",\"/srv/integration-logs/demo/dist/integration/cycle-main.js\"]",
        "process_executable_name": "node",
        "process_executable_path": "/opt/node24/node_modules/node/bin/node",
        "process_owner": "root",
        "process_pid": "22651",
        "process_runtime_description": "Node.js",
        "process_runtime_name": "nodejs",
        "process_runtime_version": "24.21.0",
        "scope_name": "@integration-logs/instrumentation",
        "scope_version": "0.1.0",
        "service_instance_id": "f8a5470c-99cf-4f37-8d85-7c2adc1b3752",
        "service_version": "0.1.0",
        "severity_number": "9",
        "severity_text": "INFO",
        "span_id": "0dc00219deb38e54",
        "trace_id": "087f85b6ea6eca79d552526e6b6624a8"
       }
      }
     ],
     [
      "1795701380912000000",
      "{\"account_id\":\"acc_soylent\",\"scopes\":[\"employees:read\",\"employees:write\",\"departments:read\",\"absences:read\"]}",
      {
       "structuredMetadata": {
        "detected_level": "info",
        "event_name": "integration.flow.event",
        "flags": "1",
        "host_arch": "amd64",
        "host_id": "3d1219c7c4c5404aaa1f6d2a48adfda4",
        "host_name": "vm",
        "integration_customer_id": "cus_soylent",
        "integration_flow_event": "connected",
        "integration_flow_id": "flow_fx1_1",
        "integration_flow_session_id": "sess_fx1_1_2",
        "integration_flow_step": "done",
        "integration_log_type": "connection_flow",
        "integration_tool": "personio",
        "observed_timestamp": "1795701380912000000",
        "os_type": "linux",
        "os_version": "6.18.44-fc-v595",
        "process_command": "/srv/integration-logs/demo/dist/integration/cycle-main.js",
        "process_command_args": "[\"/opt/node24/node_modules/node/bin/node\",\"/srv/integration-logs/demo/dist/integration/cycle-main.js\"]",
        "process_executable_name": "node",
        "process_executable_path": "/opt/node24/node_modules/node/bin/node",
        "process_owner": "root",
        "process_pid": "22651",
        "process_runtime_description": "Node.js",
        "process_runtime_name": "nodejs",
        "process_runtime_version": "24.21.0",
        "scope_name": "@integration-logs/instrumentation",
        "scope_version": "0.1.0",
        "service_instance_id": "f8a5470c-99cf-4f37-8d85-7c2adc1b3752",
        "service_version": "0.1.0",
        "severity_number": "9",
        "severity_text": "INFO",
        "span_id": "0dc00219deb38e54",
        "trace_id": "087f85b6ea6eca79d552526e6b6624a8"
       }
      }
     ]
    ]
   }
  ],
  "stats": {
   "summary": {
    "bytesProcessedPerSecond": 17777337,
    "linesProcessedPerSecond": 12688,
    "totalBytesProcessed": 1658852,
    "totalLinesProcessed": 1184,
    "execTime": 0.093313,
    "queueTime": 0.002445,
    "subqueries": 0,
    "totalEntriesReturned": 8,
    "splits": 2,
    "shards": 2,
    "totalPostFilterLines": 8,
    "totalStructuredMetadataBytesProcessed": 802942
   },
   "querier": {
    "store": {
     "totalChunksRef": 0,
     "totalChunksDownloaded": 0,
     "chunksDownloadTime": 0,
     "queryReferencedStructuredMetadata": false,
     "queryUsedV2Engine": false,
     "chunk": {
      "headChunkBytes": 0,
      "headChunkLines": 0,
      "decompressedBytes": 0,
      "decompressedLines": 0,
      "compressedBytes": 0,
      "totalDuplicates": 0,
      "postFilterLines": 0,
      "headChunkStructuredMetadataBytes": 0,
      "decompressedStructuredMetadataBytes": 0
     },
     "chunkRefsFetchTime": 0,
     "congestionControlLatency": 0,
     "pipelineWrapperFilteredLines": 0,
     "dataobj": {
      "prePredicateDecompressedRows": 0,
      "prePredicateDecompressedBytes": 0,
      "prePredicateDecompressedStructuredMetadataBytes": 0,
      "postPredicateRows": 0,
      "postPredicateDecompressedBytes": 0,
      "postPredicateStructuredMetadataBytes": 0,
      "postFilterRows": 0,
      "pagesScanned": 0,
      "pagesDownloaded": 0,
      "pagesDownloadedBytes": 0,
      "pageBatches": 0,
      "totalRowsAvailable": 0,
      "totalPageDownloadTime": 0
     }
    },
    "querierExecTime": 0.243048
   },
   "ingester": {
    "totalReached": 2,
    "totalChunksMatched": 2,
    "totalBatches": 3,
    "totalLinesSent": 8,
    "store": {
     "totalChunksRef": 0,
     "totalChunksDownloaded": 0,
     "chunksDownloadTime": 0,
     "queryReferencedStructuredMetadata": true,
     "queryUsedV2Engine": false,
     "chunk": {
      "headChunkBytes": 136871,
      "headChunkLines": 185,
      "decompressedBytes": 1521981,
      "decompressedLines": 999,
      "compressedBytes": 99859,
      "totalDuplicates": 0,
      "postFilterLines": 8,
      "headChunkStructuredMetadataBytes": 54552,
      "decompressedStructuredMetadataBytes": 748390
     },
     "chunkRefsFetchTime": 986195,
     "congestionControlLatency": 0,
     "pipelineWrapperFilteredLines": 0,
     "dataobj": {
      "prePredicateDecompressedRows": 0,
      "prePredicateDecompressedBytes": 0,
      "prePredicateDecompressedStructuredMetadataBytes": 0,
      "postPredicateRows": 0,
      "postPredicateDecompressedBytes": 0,
      "postPredicateStructuredMetadataBytes": 0,
      "postFilterRows": 0,
      "pagesScanned": 0,
      "pagesDownloaded": 0,
      "pagesDownloadedBytes": 0,
      "pageBatches": 0,
      "totalRowsAvailable": 0,
      "totalPageDownloadTime": 0
     }
    },
    "recvWaitTime": 0.090318
   },
   "cache": {
    "chunk": {
     "entriesFound": 0,
     "entriesRequested": 0,
     "entriesStored": 0,
     "bytesReceived": 0,
     "bytesSent": 0,
     "requests": 0,
     "downloadTime": 0,
     "queryLengthServed": 0
    },
    "index": {
     "entriesFound": 0,
     "entriesRequested": 0,
     "entriesStored": 0,
     "bytesReceived": 0,
     "bytesSent": 0,
     "requests": 0,
     "downloadTime": 0,
     "queryLengthServed": 0
    },
    "result": {
     "entriesFound": 0,
     "entriesRequested": 0,
     "entriesStored": 0,
     "bytesReceived": 0,
     "bytesSent": 0,
     "requests": 0,
     "downloadTime": 0,
     "queryLengthServed": 0
    },
    "statsResult": {
     "entriesFound": 1,
     "entriesRequested": 1,
     "entriesStored": 0,
     "bytesReceived": 215,
     "bytesSent": 0,
     "requests": 1,
     "downloadTime": 12378,
     "queryLengthServed": 153000000000
    },
    "volumeResult": {
     "entriesFound": 0,
     "entriesRequested": 0,
     "entriesStored": 0,
     "bytesReceived": 0,
     "bytesSent": 0,
     "requests": 0,
     "downloadTime": 0,
     "queryLengthServed": 0
    },
    "seriesResult": {
     "entriesFound": 0,
     "entriesRequested": 0,
     "entriesStored": 0,
     "bytesReceived": 0,
     "bytesSent": 0,
     "requests": 0,
     "downloadTime": 0,
     "queryLengthServed": 0
    },
    "labelResult": {
     "entriesFound": 0,
     "entriesRequested": 0,
     "entriesStored": 0,
     "bytesReceived": 0,
     "bytesSent": 0,
     "requests": 0,
     "downloadTime": 0,
     "queryLengthServed": 0
    },
    "instantMetricResult": {
     "entriesFound": 0,
     "entriesRequested": 0,
     "entriesStored": 0,
     "bytesReceived": 0,
     "bytesSent": 0,
     "requests": 0,
     "downloadTime": 0,
     "queryLengthServed": 0
    }
   },
   "index": {
    "totalChunks": 0,
    "postFilterChunks": 0,
    "shardsDuration": 0,
    "usedBloomFilters": false,
    "totalStreams": 0,
    "chunkRefsLookupTime": 0,
    "bloomFilterTime": 0
   }
  }
 }
};

export default response;
