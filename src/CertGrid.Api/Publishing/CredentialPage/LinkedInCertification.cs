using System.Globalization;

namespace CertGrid.Api.Publishing.CredentialPage;

/// <summary>
/// LinkedIn's "Add license or certification" link (<c>linkedin.com/profile/add?startTask=CERTIFICATION_NAME</c>) with the
/// certification's fields filled in: name, issuing organisation, issue and expiry month, credential id and URL. It is
/// a link the holder follows; the page itself makes no request to LinkedIn.
/// </summary>
public static class LinkedInCertification
{
    public static string AddToProfileUrl(string name, string organisation, DateTimeOffset issued, DateTimeOffset? expires, string credentialId, string credentialUrl)
    {
        var fields = new List<(string, string)>
        {
            ("startTask", "CERTIFICATION_NAME"),
            ("name", name),
            ("organizationName", organisation),
            ("issueYear", issued.UtcDateTime.Year.ToString(CultureInfo.InvariantCulture)),
            ("issueMonth", issued.UtcDateTime.Month.ToString(CultureInfo.InvariantCulture)),
        };
        if (expires is { } until)
        {
            fields.Add(("expirationYear", until.UtcDateTime.Year.ToString(CultureInfo.InvariantCulture)));
            fields.Add(("expirationMonth", until.UtcDateTime.Month.ToString(CultureInfo.InvariantCulture)));
        }

        fields.Add(("certId", credentialId));
        fields.Add(("certUrl", credentialUrl));
        return "https://www.linkedin.com/profile/add?" + string.Join('&', fields.Select(f => $"{f.Item1}={Uri.EscapeDataString(f.Item2)}"));
    }
}
