using CertGrid.Abstractions.Tenancy;

namespace CertGrid.Abstractions.Wallets;

/// <summary>Typed references to the Wallets grains of a community (keys built by <see cref="CommunityScopedGrains"/>).</summary>
public static class WalletGrainReferences
{
    /// <summary>One credential offer to a wallet.</summary>
    public static ICredentialOfferGrain CredentialOffer(this IGrainFactory grains, string community, string offerId) =>
        grains.InCommunity<ICredentialOfferGrain>(community, offerId);
}
