package integrationlogsconnector

// Names of docs/telemetry.md, the contract shared with the SDK, the collector
// configuration, the alert rules and the Grafana app.
const (
	attrLogType         = "integration.log_type"
	attrTool            = "integration.tool"
	attrIntegrationID   = "integration.id"
	attrCustomerID      = "integration.customer.id"
	attrOperation       = "integration.operation"
	attrOutcome         = "integration.outcome"
	attrFlowID          = "integration.flow.id"
	attrFlowSessionID   = "integration.flow.session.id"
	attrFlowEndUserID   = "integration.flow.end_user.id"
	attrOperationDurMs  = "integration.operation.duration_ms"
	attrRequestCount    = "integration.request.count"
	attrRequest4xxCount = "integration.request.4xx_count"
	attrRequest5xxCount = "integration.request.5xx_count"
	attrRequestDurMs    = "integration.request.duration_ms"
	attrRetryAfterS     = "integration.ratelimit.retry_after_s"
	attrRateLimit       = "integration.ratelimit.limit"
	attrRateRemaining   = "integration.ratelimit.remaining"
	attrRateReset       = "integration.ratelimit.reset"
	attrSyncModel       = "integration.sync.model"
	attrSyncPrefix      = "integration.sync.records."
	attrEventName       = "event.name"
	attrErrorType       = "error.type"

	// Bodies as span attributes, for SDKs that can capture them (contract: "Bodies and
	// headers on foreign spans").
	attrRequestBody  = "integration.request.body"
	attrResponseBody = "integration.response.body"

	// HTTP semantic conventions, stable names first, then the pre-1.0 names many
	// instrumentations still write by default.
	attrHTTPMethod       = "http.request.method"
	attrHTTPMethodOld    = "http.method"
	attrURLFull          = "url.full"
	attrURLFullOld       = "http.url"
	attrURLTemplate      = "url.template"
	attrURLScheme        = "url.scheme"
	attrURLPath          = "url.path"
	attrURLQuery         = "url.query"
	attrServerAddress    = "server.address"
	attrServerAddrOld    = "net.peer.name"
	attrServerPort       = "server.port"
	attrServerPortOld    = "net.peer.port"
	attrStatusCode       = "http.response.status_code"
	attrStatusCodeOld    = "http.status_code"
	attrResendCount      = "http.request.resend_count"
	attrRequestBodySize  = "http.request.body.size"
	attrResponseBodySize = "http.response.body.size"
	attrReqHeaderPrefix  = "http.request.header."
	attrRespHeaderPrefix = "http.response.header."
	attrExceptionType    = "exception.type"
	attrServiceName      = "service.name"

	eventOperation = "integration.operation"
	eventRequest   = "integration.request"
	eventSyncModel = "integration.sync.model"
	eventException = "exception"

	// Metric attribute for the kind of a sync record count (read, created, ...).
	attrSyncKind = "integration.sync.kind"

	// The instrumentation scope of the TypeScript SDK (instrumentation/src/attributes.ts):
	// it writes its own records, so its spans never become records here.
	sdkScopeName = "@integration-logs/instrumentation"
	// The scope of the records and metrics this connector makes.
	scopeName = "github.com/integration-logs/otelcol-integration-logs/integrationlogsconnector"
)

// The attributes of an operation that every record of it carries.
var operationRecordAttrs = []string{
	attrLogType, attrTool, attrIntegrationID, attrCustomerID, attrOperation,
	attrFlowID, attrFlowSessionID, attrFlowEndUserID,
}

var logTypes = map[string]bool{
	"sync": true, "connection_flow": true, "action": true, "passthrough": true, "incoming_webhook": true,
}

var outcomes = map[string]bool{"success": true, "partial": true, "failure": true, "cancelled": true}

// Sync record count kinds, in the order the record body lists them.
var syncKinds = []string{"read", "created", "updated", "deleted", "failed"}
