namespace CertGrid.Api.Access.Rules;

/// <summary>The coded errors of a refused caller: UNAUTHENTICATED without a key, FORBIDDEN with the wrong one.</summary>
public static class AccessDenied
{
    public static CertGridException For(Caller caller, string needs) => caller.Kind == CallerKind.Anonymous
        ? new CertGridException(ErrorCode.Unauthenticated, $"This operation needs {needs}: send it as 'Authorization: Bearer <key>'.")
        : CertGridException.Forbidden($"This operation needs {needs}; your key is {Describe(caller)}.");

    private static string Describe(Caller caller) => caller.Kind switch
    {
        CallerKind.Operator => "the platform operator key",
        CallerKind.Partner => $"the key of partner organisation '{caller.PartnerName}'",
        _ => $"a {caller.Role} key of community '{caller.Community}'",
    };
}
