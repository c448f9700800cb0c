using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Notices.Email;

/// <summary>Typed references to the email grains of a community.</summary>
public static class EmailGrainReferences
{
    /// <summary>The email preferences of a learner (<c>lrn_…</c>) or an evaluator (<c>evl_…</c>).</summary>
    public static IEmailPreferencesGrain EmailPreferences(this IGrainFactory grains, string community, string personId) =>
        grains.InCommunity<IEmailPreferencesGrain>(community, personId);

    public static IEmailBounceIndexGrain EmailBounces(this IGrainFactory grains, string community) =>
        grains.GetGrain<IEmailBounceIndexGrain>(community);
}
