namespace CertGrid.Domain.Audit;

/// <summary>Whether an audit entry is about someone: one of their ids appears in its actor, subject or details.</summary>
public static class AuditMentions
{
    public static bool Any(AuditEntry entry, IReadOnlyCollection<string> mentions) =>
        mentions.Any(id => id.Length > 0 && (entry.Actor.Contains(id, StringComparison.Ordinal)
            || entry.Subject.Contains(id, StringComparison.Ordinal)
            || entry.Details.Contains(id, StringComparison.Ordinal)));
}
