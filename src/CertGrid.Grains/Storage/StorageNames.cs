namespace CertGrid.Grains.Storage;

/// <summary>The tables and containers CertGrid uses, each prefixed with <see cref="StorageOptions.NamePrefix"/>.</summary>
public sealed class StorageNames(string prefix)
{
    /// <summary>The name grains use in <c>[PersistentState(..., StorageNames.GrainStore)]</c>.</summary>
    public const string GrainStore = "certgrid";

    /// <summary>
    /// The grain storage for state that outgrows a table row (Azure Table's 1 MB entity limit) and is written seldom, in
    /// blobs of <see cref="GrainBlobsContainer"/>: a month's program analytics tallies, folded from their row every few events.
    /// </summary>
    public const string BlobGrainStore = "certgrid-blobs";

    public string GrainStateTable => prefix + "GrainState";
    public string RemindersTable => prefix + "Reminders";
    public string ClusterTable => prefix + "Cluster";
    public string CommunitiesTable => prefix + "Communities";
    public string LearnersTable => prefix + "Learners";
    public string CredentialsTable => prefix + "Credentials";
    public string ApiKeysTable => prefix + "ApiKeys";
    public string AuditTable => prefix + "Audit";
    public string AssessmentsTable => prefix + "Assessments";
    public string NoticesTable => prefix + "Notices";

    /// <summary>What became of each notice email (<c>m|…</c>) and the learners whose address bounces (<c>b|…</c>), per community.</summary>
    public string NoticeEmailsTable => prefix + "NoticeEmails";

    /// <summary>Learners' achievements and cohort members' progress (rows <c>a|…</c> and <c>m|…</c>).</summary>
    public string ProgressTable => prefix + "Progress";

    /// <summary>Each community's evaluators (<c>e|…</c>, from their grains) and the panels its pool staffed (<c>p|…</c>, written by the pool alone).</summary>
    public string EvaluatorsTable => prefix + "Evaluators";

    /// <summary>Each community's scheduled deadlines, a few rows per deadline (written by its deadline bucket grain alone).</summary>
    public string DeadlinesTable => prefix + "Deadlines";

    /// <summary>Grains with pending effects, per community (<c>Persistence/PendingEffectsRow</c>).</summary>
    public string EffectsTable => prefix + "Effects";

    /// <summary>How far each grain's stored effects are known applied, per community (<c>Persistence/AppliedEffectsRow</c>).</summary>
    public string AppliedEffectsTable => prefix + "AppliedEffects";

    /// <summary>Partner organisations (partition <c>_platform</c>) and the grants each community gave them (partition = community).</summary>
    public string PartnersTable => prefix + "Partners";

    /// <summary>Each community's talent search read model: one row per discoverable learner (written by its talent index grain alone).</summary>
    public string TalentTable => prefix + "Talent";

    /// <summary>Each community's log of partners' reads of learners' data (<c>r|…</c>) and partners' messages to learners (<c>m|…</c>).</summary>
    public string PartnerAccessTable => prefix + "PartnerAccess";

    /// <summary>Each community's event feed: events in order, an idempotency marker per event and the head (written by its event feed grain alone).</summary>
    public string EventsTable => prefix + "Events";

    /// <summary>Each community's learners' credentials shared with partners right now: one row per sharing learner (written by their consent grain alone).</summary>
    public string ConsentSharesTable => prefix + "ConsentShares";

    /// <summary>Each community's learners by email (row key: the email's SHA-256), one row per email: the claim that keeps emails unique (<c>Learners/LearnerEmailIndex</c>).</summary>
    public string LearnerEmailsTable => prefix + "LearnerEmails";

    /// <summary>Each community's award webhook deliveries accepted in the last minutes (row key: the delivery id; ids only), so a replay is refused (<c>DirectAwards/AwardHookDeliveryLog</c>).</summary>
    public string AwardHookDeliveriesTable => prefix + "AwardHookDeliveries";

    public string ArtifactsContainer => prefix + "-artifacts";
    public string DataProtectionContainer => prefix + "-keyring";
    public string GrainBlobsContainer => prefix + "-grainstate";

    /// <summary>The tables start-up creates besides grain state, reminders and membership: read models and rows grains keep their own.</summary>
    public IEnumerable<string> ReadModelTables =>
        [CommunitiesTable, LearnersTable, CredentialsTable, ApiKeysTable, AuditTable, AssessmentsTable, NoticesTable, ProgressTable, DeadlinesTable, EvaluatorsTable, EffectsTable,
         AppliedEffectsTable, PartnersTable, TalentTable, PartnerAccessTable, EventsTable, ConsentSharesTable, NoticeEmailsTable, LearnerEmailsTable,
         AwardHookDeliveriesTable];
}
