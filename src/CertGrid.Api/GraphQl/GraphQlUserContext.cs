using CertGrid.Api.Access;

namespace CertGrid.Api.GraphQl;

/// <summary>What every resolver knows about the request: who is calling.</summary>
public sealed class GraphQlUserContext : Dictionary<string, object?>
{
    public GraphQlUserContext(Caller caller)
    {
        Caller = caller;
    }

    public Caller Caller { get; }
}
