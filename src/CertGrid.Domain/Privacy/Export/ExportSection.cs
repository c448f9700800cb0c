namespace CertGrid.Domain.Privacy.Export;

/// <summary>A kind of personal data in a learner's export archive; each is one JSON file (or a numbered series of them).</summary>
public enum ExportSection
{
    /// <summary>Name, email, organisation, public profile URL, enrolment, and the ids of attempts, credentials and cohorts.</summary>
    Profile,
    /// <summary>Every portfolio artifact with every committed version (the files themselves are under <c>files/</c>).</summary>
    Portfolio,
    /// <summary>Attempts with reflections, and the reviews and feedback about them as the learner may see them.</summary>
    Attempts,
    /// <summary>Issued credentials: the signed VC-JWT, the JSON document, status and dates.</summary>
    Credentials,
    /// <summary>Each credential's renewal: deadlines, evidence and decisions.</summary>
    Renewals,
    /// <summary>The Comprehensive Learner Record (CLR 2.0) of the currently valid credentials, signed.</summary>
    LearnerRecord,
    /// <summary>Continuing-education activities.</summary>
    ContinuingEducation,
    /// <summary>Consent records with the exact text agreed to.</summary>
    Consents,
    /// <summary>Which partner read the learner's data, and when.</summary>
    PartnerAccessLog,
    /// <summary>Messages partners sent the learner through CertGrid.</summary>
    PartnerMessages,
    /// <summary>Notices CertGrid sent the learner.</summary>
    Notices,
    /// <summary>What the learner declared about themself for fairness analytics (attribute and value), if anything.</summary>
    Demographics,
}
