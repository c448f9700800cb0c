using CertGrid.Api.Access;

namespace CertGrid.Api.GraphQl;

/// <summary>What every resolver knows about the request: who is calling, and the languages they accept.</summary>
public sealed class GraphQlUserContext : Dictionary<string, object?>
{
    public GraphQlUserContext(Caller caller, IReadOnlyList<string>? acceptLanguages = null)
    {
        Caller = caller;
        AcceptLanguages = acceptLanguages ?? [];
    }

    public Caller Caller { get; }

    /// <summary>The request's <c>Accept-Language</c> tags, best first.</summary>
    public IReadOnlyList<string> AcceptLanguages { get; }
}
