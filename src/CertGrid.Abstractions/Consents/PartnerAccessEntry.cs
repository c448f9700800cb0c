namespace CertGrid.Abstractions.Consents;

/// <summary>What a partner did concerning a learner: read their data (a talent search match, a shared credential) or sent a message.</summary>
public enum PartnerAccessKind
{
    /// <summary>The partner saw the learner as a match in its talent search.</summary>
    SawInTalentSearch,
    /// <summary>The partner read a credential the learner shared with it.</summary>
    ReadSharedCredential,
    /// <summary>The partner sent the learner a message through CertGrid.</summary>
    SentMessage,
}

/// <summary>One line of a learner's "who looked at my data" log, or a message a partner sent them through CertGrid.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.partner-access-entry")]
public sealed record PartnerAccessEntry(
    [property: Id(0)] string LearnerId,
    [property: Id(1)] string PartnerId,
    [property: Id(2)] string PartnerName,
    [property: Id(3)] PartnerAccessKind Kind,
    [property: Id(4)] string Detail,
    [property: Id(5)] DateTimeOffset At);
