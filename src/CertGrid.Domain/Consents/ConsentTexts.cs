namespace CertGrid.Domain.Consents;

/// <summary>The sentences a learner agrees to, stored with each consent record exactly as shown.</summary>
public static class ConsentTexts
{
    public static string SharedWithPartner(string credentialId, string partnerName) =>
        $"I share my credential {credentialId} with the partner organisation '{partnerName}': it may read the credential and its signed document until I withdraw this consent. Every read is logged for me to see.";

    public static string Discoverable(DiscoverableTerms terms)
    {
        var shown = new List<string>();
        if (terms.ShowName)
        {
            shown.Add("my name");
        }

        if (terms.Region is not null)
        {
            shown.Add($"my region ({terms.Region})");
        }

        if (terms.Languages.Count > 0)
        {
            shown.Add($"my languages ({string.Join(", ", terms.Languages)})");
        }

        var found = string.Join(" and ", new[]
        {
            terms.CredentialIds.Count > 0 ? $"the credentials {string.Join(", ", terms.CredentialIds)}" : null,
            terms.CompetencyCodes.Count > 0 ? $"the competencies {string.Join(", ", terms.CompetencyCodes)}" : null,
        }.OfType<string>());
        var contact = terms.AllowContact
            ? "Partners may send me messages through CertGrid; my email address is never shown to them."
            : "Partners may not contact me.";
        return $"Partner organisations granted talent search by my community may find me for {found}, seeing {(shown.Count == 0 ? "no personal attributes" : string.Join(", ", shown))} "
            + $"and what I demonstrated in those. {contact} I can withdraw this at any time; every time a partner sees me is logged for me to see.";
    }
}
