using CertGrid.Domain.Access;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Identity;

[GenerateSerializer, Alias("certgrid.state.member-identity")]
public sealed class MemberIdentityState : DurableState
{
    [Id(0)] public string Issuer { get; set; } = string.Empty;
    [Id(1)] public string Subject { get; set; } = string.Empty;

    /// <summary>The learner and evaluator this identity is linked to, by role (the admin role needs no record: null).</summary>
    [Id(2)] public Dictionary<Role, string?> Links { get; set; } = [];

    /// <summary>When a sign-in as the linked learner last counted as their activity (for the retention policy, once a day).</summary>
    [Id(3)] public DateTimeOffset? LearnerActivityAt { get; set; }
}
