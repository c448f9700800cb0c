namespace CertGrid.Api.Tests.Observability;

/// <summary>One span as an OTLP receiver got it. <see cref="Kind"/> is OTLP's SpanKind: 2 server, 3 client, 1 internal.</summary>
public sealed record ReceivedSpan(
    string Scope, string Name, int Kind, string TraceId, string SpanId, string ParentSpanId, IReadOnlyDictionary<string, string?> Attributes)
{
    public const int Server = 2;
    public const int Client = 3;
}
