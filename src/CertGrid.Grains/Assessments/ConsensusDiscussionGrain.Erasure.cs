using CertGrid.Domain.Audit;

namespace CertGrid.Grains.Assessments;

/// <summary>The assessed learner's erasure reaching their attempt's consensus discussion.</summary>
public sealed partial class ConsensusDiscussionGrain
{
    public async Task EraseNotesAsync()
    {
        if (!RecordExists || State.NotesErasedAt is not null)
        {
            return;
        }

        State.NotesErasedAt = Now;
        State.Notes = State.Notes.Select(n => n with { Text = string.Empty }).ToList();
        State.Decision = State.Decision is { } decision ? decision with { Rationale = string.Empty } : null;
        await SaveAsync(AuditEvent(Actors.System, "discussion.notes-erased", Key.Id, new { notes = State.Notes.Count }));
    }
}
