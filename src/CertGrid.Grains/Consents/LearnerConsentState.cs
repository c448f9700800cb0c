using CertGrid.Domain.Consents;
using CertGrid.Domain.Talent;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Consents;

[GenerateSerializer, Alias("certgrid.state.learner-consent")]
public sealed class LearnerConsentState : DurableState
{
    /// <summary>Every consent record, oldest first; withdrawn ones stay.</summary>
    [Id(0)] public List<ConsentRecord> Records { get; set; } = [];

    /// <summary>The learner's name when they last consented to be discoverable (shown only if they chose so).</summary>
    [Id(1)] public string Name { get; set; } = string.Empty;

    /// <summary>The learner's credentials' facts, by credential id, while they are discoverable.</summary>
    [Id(2)] public Dictionary<string, TalentCredential> Credentials { get; set; } = [];

    /// <summary>Renewals followed: a renewed credential's id and the ids of the credentials that renewed it.</summary>
    [Id(3)] public Dictionary<string, string> RenewedBy { get; set; } = [];
}
