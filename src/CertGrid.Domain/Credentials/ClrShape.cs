using System.Text.Json.Nodes;
using static CertGrid.Domain.Credentials.RequiredFields;

namespace CertGrid.Domain.Credentials;

/// <summary>
/// The CLR 2.0 data model's required fields of a ClrCredential (1EdTech Comprehensive Learner Record Standard 2.0,
/// section "ClrCredential" and "ClrSubject"): @context, id, type, issuer, name, validFrom and a credentialSubject of
/// type ClrSubject holding at least one verifiable credential.
/// </summary>
public static class ClrShape
{
    public static IReadOnlyList<string> FindProblems(JsonObject credential)
    {
        var problems = new List<string>();
        RequireContext(credential, "https://purl.imsglobal.org/spec/clr/v2p0/context", "CLR 2.0", problems);
        RequireType(credential, "VerifiableCredential", problems);
        RequireType(credential, "ClrCredential", problems);
        RequireString(credential, "id", problems);
        RequireString(credential, "name", problems);
        RequireString(credential, "validFrom", problems);
        RequireIssuerProfile(credential, problems);
        RequireSingleStatus(credential, problems);
        if (credential["credentialSubject"] is not JsonObject subject)
        {
            problems.Add("credentialSubject is required");
            return problems;
        }

        RequireType(subject, "ClrSubject", problems, "credentialSubject.");
        if (subject["verifiableCredential"] is not JsonArray credentials || credentials.Count == 0)
        {
            problems.Add("credentialSubject.verifiableCredential must hold at least one credential");
            return problems;
        }

        foreach (var (item, index) in credentials.Select((c, i) => (c, i)))
        {
            var path = $"credentialSubject.verifiableCredential[{index}].";
            if (item is not JsonObject embedded)
            {
                problems.Add($"{path[..^1]} must be a credential object");
            }
            else if (HasAnyType(embedded, "EnvelopedVerifiableCredential"))
            {
                if (AsString(embedded["id"]) is not { } id || !id.StartsWith("data:application/vc+jwt,", StringComparison.Ordinal))
                {
                    problems.Add($"{path}id must be a data: URL of a VC-JWT (application/vc+jwt)");
                }
            }
            else
            {
                RequireType(embedded, "VerifiableCredential", problems, path);
            }
        }

        return problems;
    }
}
