namespace CertGrid.Domain.Tenancy;

/// <summary>The kind prefixes of <see cref="EntityId"/>s. One place, so a prefix is never reused for two kinds.</summary>
public static class IdPrefixes
{
    public const string Learner = "lrn";
    public const string Evaluator = "evl";
    public const string CalibrationExercise = "cex";
    public const string Framework = "fwk";
    public const string CredentialDefinition = "def";
    public const string Artifact = "art";
    public const string Attempt = "att";
    public const string Credential = "vc";
    public const string ApiKey = "key";
    public const string Cohort = "coh";
    public const string SigningKey = "sk";
    public const string Appeal = "apl";
    public const string PracticeSession = "prs";
    public const string SessionSlot = "slt";
    public const string Booking = "bkg";
    public const string DiscussionNote = "note";
    public const string CeActivity = "cea";
    public const string WebhookEndpoint = "whk";
    public const string Notice = "ntc";
    public const string Proposal = "prp";
    public const string CommitteeSeat = "seat";
    public const string Pathway = "pth";
    public const string Specialisation = "spc";
    public const string Resource = "res";
    public const string OAuthClient = "cli";
    public const string OAuthAuthorization = "oaz";
    public const string OAuthToken = "oat";
    public const string Partner = "ptn";
    public const string PartnerKey = "pky";
    public const string Consent = "cns";
    public const string ExternalIdentity = "idn";
    public const string RosterImport = "imp";
    public const string DataExport = "exp";
    public const string PublicLink = "pln";
    public const string WalletOffer = "wof";
}
