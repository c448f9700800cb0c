namespace CertGrid.Api.DirectAwards;

/// <summary>Where a community's systems post awards.</summary>
public static class AwardHookRoute
{
    public const string Template = "/c/{community}/hooks/award";

    public static string For(string community) => $"/c/{community}/hooks/award";
}
