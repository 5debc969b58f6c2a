package labelvaluesprocessor

import (
	"context"
	"testing"

	"go.opentelemetry.io/collector/component/componenttest"
	"go.opentelemetry.io/collector/consumer/consumertest"
	"go.opentelemetry.io/collector/pdata/plog"
	"go.opentelemetry.io/collector/processor/processortest"
)

func TestProcessorGuardsOnlyTheConfiguredAttributes(t *testing.T) {
	sink := new(consumertest.LogsSink)
	factory := NewFactory()
	p, err := factory.CreateLogs(context.Background(), processortest.NewNopSettings(factory.Type()), factory.CreateDefaultConfig(), sink)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Start(context.Background(), componenttest.NewNopHost()); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = p.Shutdown(context.Background()) }()

	ld := plog.NewLogs()
	rec := ld.ResourceLogs().AppendEmpty().ScopeLogs().AppendEmpty().LogRecords().AppendEmpty()
	rec.Attributes().PutStr("integration.tool", "bad\xed\xa0\x80tool")
	rec.Attributes().PutStr("event.name", "integration.operation")
	rec.Attributes().PutInt("integration.log_type", 7) // not a string: left alone
	rec.Attributes().PutStr("integration.customer.id", "cust\xed\xa0\x80") // not a label: left alone
	if err := p.ConsumeLogs(context.Background(), ld); err != nil {
		t.Fatal(err)
	}

	got := sink.AllLogs()[0].ResourceLogs().At(0).ScopeLogs().At(0).LogRecords().At(0).Attributes()
	check := func(name, want string) {
		v, _ := got.Get(name)
		if v.AsString() != want {
			t.Errorf("%s = %q, want %q", name, v.AsString(), want)
		}
	}
	check("integration.tool", "bad?tool")
	check("event.name", "integration.operation")
	check("integration.log_type", "7")
	check("integration.customer.id", "cust\xed\xa0\x80")
}
