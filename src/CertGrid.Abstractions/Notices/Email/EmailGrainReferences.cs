using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Notices.Email;

/// <summary>Typed references to the email grains of a community.</summary>
public static class EmailGrainReferences
{
    public static IEmailPreferencesGrain EmailPreferences(this IGrainFactory grains, string community, string learnerId) =>
        grains.InCommunity<IEmailPreferencesGrain>(community, learnerId);

    public static IEmailBounceIndexGrain EmailBounces(this IGrainFactory grains, string community) =>
        grains.GetGrain<IEmailBounceIndexGrain>(community);
}
