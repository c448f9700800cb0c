using CertGrid.Api.Access;
using CertGrid.Api.GraphQl.ResponseCaching;

namespace CertGrid.Api.GraphQl;

/// <summary>What every resolver knows about the request: who is calling, the languages they accept, and whether its answer may be reused.</summary>
public sealed class GraphQlUserContext : Dictionary<string, object?>
{
    public GraphQlUserContext(Caller caller, IReadOnlyList<string>? acceptLanguages = null, ResponseCacheHint? responseCache = null)
    {
        Caller = caller;
        AcceptLanguages = acceptLanguages ?? [];
        ResponseCache = responseCache ?? new ResponseCacheHint();
    }

    public Caller Caller { get; }

    /// <summary>The request's <c>Accept-Language</c> tags, best first.</summary>
    public IReadOnlyList<string> AcceptLanguages { get; }

    /// <summary>Where root fields whose answer is public and stable say so, letting the whole response be reused.</summary>
    public ResponseCacheHint ResponseCache { get; }

    /// <summary>Whether the request is an event stream (a subscription runs as long as its subscriber stays, without the execution timeout).</summary>
    public bool OpensStream { get; init; }
}
