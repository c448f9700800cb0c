using System.Collections.Frozen;
using System.Globalization;

namespace CertGrid.Api.Publishing.CredentialPage;

/// <summary>
/// The verification page's own words, in each language it is written in; community content (the achievement, its
/// criteria and rubric) comes in the reader's language from the community's translations.
/// </summary>
public sealed class CredentialPageText
{
    public const string DefaultLanguage = "en";

    private static readonly FrozenDictionary<string, CredentialPageText> Languages = new Dictionary<string, CredentialPageText>
    {
        ["en"] = new()
        {
            Title = "Credential verification", Valid = "Valid", Revoked = "Revoked", Suspended = "Suspended", Expired = "Expired",
            NotYetValid = "Not yet valid", Invalid = "Not valid", Unconfirmed = "Cannot be confirmed right now",
            ValidExplained = "Every check passed just now: this credential was issued by {0} and is in force.",
            InvalidExplained = "Checked just now: this credential must not be relied on.",
            Achievement = "Achievement", Criteria = "Criteria", Results = "Rubric results", Criterion = "Criterion", Level = "Level achieved",
            Issuer = "Issuer", Holder = "Holder", HolderPrivate = "The holder keeps their identity private: the credential names them by a salted hash of their email address, which they can prove.",
            Validity = "Validity", IssuedOn = "Issued on", ValidUntil = "Valid until", NoExpiry = "Does not expire",
            Evidence = "Evidence", EvidencePrivate = "{0} piece(s) of evidence are kept private by the holder.", NoEvidence = "The holder has made no evidence public.",
            Checks = "Checks made on this request", Check = "Check", Outcome = "Outcome", Detail = "Detail",
            Passed = "Passed", Failed = "Failed", Indeterminate = "Could not be made", NotChecked = "Not checked",
            Downloads = "Downloads", Jwt = "Signed credential (VC-JWT)", JsonLd = "Credential (JSON-LD)", Png = "Badge with the credential baked in (PNG)", Svg = "Badge with the credential baked in (SVG)",
            Share = "Share", QrCode = "QR code of this page's address", LinkedIn = "Add to LinkedIn profile",
            CheckedAt = "Verified by the issuer's server at {0} UTC.",
            Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        },
        ["fr"] = new()
        {
            Title = "Vérification d'un titre", Valid = "Valide", Revoked = "Révoqué", Suspended = "Suspendu", Expired = "Expiré",
            NotYetValid = "Pas encore valide", Invalid = "Non valide", Unconfirmed = "Impossible à confirmer pour l'instant",
            ValidExplained = "Toutes les vérifications viennent de réussir : ce titre a été délivré par {0} et est en vigueur.",
            InvalidExplained = "Vérifié à l'instant : ce titre ne doit pas être pris en compte.",
            Achievement = "Réussite", Criteria = "Critères", Results = "Résultats de la grille", Criterion = "Critère", Level = "Niveau atteint",
            Issuer = "Émetteur", Holder = "Titulaire", HolderPrivate = "Le titulaire garde son identité privée : le titre le désigne par une empreinte salée de son adresse e-mail, qu'il peut prouver.",
            Validity = "Validité", IssuedOn = "Délivré le", ValidUntil = "Valide jusqu'au", NoExpiry = "N'expire pas",
            Evidence = "Preuves", EvidencePrivate = "{0} preuve(s) restent privées à la demande du titulaire.", NoEvidence = "Le titulaire n'a rendu aucune preuve publique.",
            Checks = "Vérifications faites pour cette requête", Check = "Vérification", Outcome = "Résultat", Detail = "Détail",
            Passed = "Réussie", Failed = "Échouée", Indeterminate = "Impossible", NotChecked = "Non faite",
            Downloads = "Téléchargements", Jwt = "Titre signé (VC-JWT)", JsonLd = "Titre (JSON-LD)", Png = "Badge contenant le titre (PNG)", Svg = "Badge contenant le titre (SVG)",
            Share = "Partager", QrCode = "Code QR de l'adresse de cette page", LinkedIn = "Ajouter au profil LinkedIn",
            CheckedAt = "Vérifié par le serveur de l'émetteur le {0} UTC.",
            Months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
        },
    }.ToFrozenDictionary();

    public static IReadOnlyCollection<string> Available => Languages.Keys;

    public static CredentialPageText For(string language) => Languages.GetValueOrDefault(language) ?? Languages[DefaultLanguage];

    public required string Title { get; init; }
    public required string Valid { get; init; }
    public required string Revoked { get; init; }
    public required string Suspended { get; init; }
    public required string Expired { get; init; }
    public required string NotYetValid { get; init; }
    public required string Invalid { get; init; }
    public required string Unconfirmed { get; init; }
    public required string ValidExplained { get; init; }
    public required string InvalidExplained { get; init; }
    public required string Achievement { get; init; }
    public required string Criteria { get; init; }
    public required string Results { get; init; }
    public required string Criterion { get; init; }
    public required string Level { get; init; }
    public required string Issuer { get; init; }
    public required string Holder { get; init; }
    public required string HolderPrivate { get; init; }
    public required string Validity { get; init; }
    public required string IssuedOn { get; init; }
    public required string ValidUntil { get; init; }
    public required string NoExpiry { get; init; }
    public required string Evidence { get; init; }
    public required string EvidencePrivate { get; init; }
    public required string NoEvidence { get; init; }
    public required string Checks { get; init; }
    public required string Check { get; init; }
    public required string Outcome { get; init; }
    public required string Detail { get; init; }
    public required string Passed { get; init; }
    public required string Failed { get; init; }
    public required string Indeterminate { get; init; }
    public required string NotChecked { get; init; }
    public required string Downloads { get; init; }
    public required string Jwt { get; init; }
    public required string JsonLd { get; init; }
    public required string Png { get; init; }
    public required string Svg { get; init; }
    public required string Share { get; init; }
    public required string QrCode { get; init; }
    public required string LinkedIn { get; init; }
    public required string CheckedAt { get; init; }

    /// <summary>The month names (the server runs without culture data, so dates are written from these).</summary>
    public required IReadOnlyList<string> Months { get; init; }

    /// <summary>A day as the reader writes it: <c>1 March 2026</c>, <c>1 mars 2026</c>.</summary>
    public string Date(DateTimeOffset value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value.UtcDateTime.Day} {Months[value.UtcDateTime.Month - 1]} {value.UtcDateTime.Year}");

    /// <summary>A day and time to the minute, in UTC.</summary>
    public string DateTime(DateTimeOffset value) =>
        string.Create(CultureInfo.InvariantCulture, $"{Date(value)} {value.UtcDateTime:HH:mm}");
}
