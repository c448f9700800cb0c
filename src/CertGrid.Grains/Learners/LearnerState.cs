using CertGrid.Abstractions.Learners;
using CertGrid.Domain.Learners;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Learners;

[GenerateSerializer, Alias("certgrid.state.learner")]
public sealed class LearnerState : DurableState
{
    [Id(0)] public string Name { get; set; } = string.Empty;
    [Id(1)] public string Email { get; set; } = string.Empty;
    [Id(2)] public string? Organisation { get; set; }
    [Id(3)] public DateTimeOffset EnrolledAt { get; set; }
    [Id(4)] public Dictionary<string, ArtifactState> Artifacts { get; set; } = [];
    [Id(5)] public List<LearnerAttempt> Attempts { get; set; } = [];
    [Id(6)] public List<string> CredentialIds { get; set; } = [];
    [Id(7)] public List<string> CohortIds { get; set; } = [];
    [Id(8)] public string? PublicProfileUrl { get; set; }

    /// <summary>When the learner joined each cohort (for cohort progress and time to certification).</summary>
    [Id(9)] public Dictionary<string, DateTimeOffset> CohortJoinedAt { get; set; } = [];

    /// <summary>When the learner was erased; the state is then a tombstone that holds only ids (<c>Privacy/</c>).</summary>
    [Id(10)] public DateTimeOffset? ErasedAt { get; set; }

    /// <summary>The learner's last activity the retention policy counts (attempts, outcomes, credentials, sign-ins, CE, renewal evidence); null: since enrolment.</summary>
    [Id(11)] public DateTimeOffset? LastActiveAt { get; set; }

    /// <summary>The sign-in identities (<c>idn_…</c>) linked to this learner, so an erasure can unlink them.</summary>
    [Id(12)] public List<string> IdentityIds { get; set; } = [];

    /// <summary>
    /// Whether the learner declared each of these (never what; <see cref="LearnerDeclaration"/>). A declaration not listed
    /// is not known: the learner was stored before this was kept, and callers ask its grain as before.
    /// </summary>
    [Id(13)] public Dictionary<LearnerDeclaration, bool> Declared { get; set; } = [];

    /// <summary>The erasure plan the tombstone's erasure ran (<see cref="Privacy.ErasurePlan.Version"/>); 0: erased before this was kept, under plan 1.</summary>
    [Id(14)] public int ErasurePlanVersion { get; set; }
}

[GenerateSerializer, Alias("certgrid.state.artifact")]
public sealed class ArtifactState
{
    [Id(0)] public string Title { get; set; } = string.Empty;
    [Id(1)] public List<ArtifactVersion> Versions { get; set; } = [];
    [Id(2)] public PendingUpload? Pending { get; set; }
    [Id(3)] public DateTimeOffset CreatedAt { get; set; }
    [Id(4)] public bool Public { get; set; }
}
