using System.Globalization;
using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Retries;

/// <summary>
/// The idempotent receiver's memory, kept in a grain's state: which operations (requests under an idempotency key,
/// one id per grain call) it applied, so a run again after a lost answer gets the first answer instead of applying the
/// change twice. Bounded by time, never by forgetting: an operation is remembered until its key's record expires (the
/// idempotency window), and never dropped before. The room is capped in bytes: the operations remembered at once take
/// at most <see cref="MaxRememberedBytes"/> (<see cref="FootprintOf"/> each); a new operation that would not fit is
/// refused before it changes anything (<see cref="RequireRoom"/>: <c>RATE_LIMITED</c>), so a retry can never meet a grain
/// that forgot it. Kept answers share <see cref="MaxAnswerBytesInAll"/> (the oldest answers are dropped first; their
/// operations stay remembered, so they are still never applied twice).
/// </summary>
public static class AppliedOperations
{
    /// <summary>Room for the remembered operations themselves (ids and expiry), per grain.</summary>
    public const int MaxRememberedBytes = 128 * 1024;

    /// <summary>What one remembered operation costs besides its id: its expiry, flags and the serialiser's framing.</summary>
    public const int FootprintBesidesId = 24;

    public const int MaxAnswerBytes = 32 * 1024;
    public const int MaxAnswerBytesInAll = 96 * 1024;

    /// <summary>The operation if this grain applied it and still remembers it; null otherwise.</summary>
    public static AppliedOperation? Find(IReadOnlyList<AppliedOperation> remembered, string id, DateTimeOffset now) =>
        remembered.FirstOrDefault(o => o.Id == id && now < o.RememberUntil);

    /// <summary>The bytes an operation with this id takes in the grain's memory of operations.</summary>
    public static int FootprintOf(string id) => id.Length + FootprintBesidesId;

    /// <summary>
    /// Refuses a new operation (<c>RATE_LIMITED</c>) when the grain's memory of operations still within their window is
    /// full; checked before the call changes anything. An operation already remembered always has room.
    /// </summary>
    public static void RequireRoom(IReadOnlyList<AppliedOperation> remembered, string id, DateTimeOffset now)
    {
        var live = remembered.Where(o => now < o.RememberUntil && o.Id != id).ToList();
        if (live.Sum(o => FootprintOf(o.Id)) + FootprintOf(id) <= MaxRememberedBytes)
        {
            return;
        }

        var roomAt = live.Min(o => o.RememberUntil);
        throw new CertGridException(ErrorCode.RateLimited,
            $"What this change updates already remembers {live.Count} changes sent with an Idempotency-Key within the key window, as many as it can keep. " +
            string.Create(CultureInfo.InvariantCulture, $"Send this change again after {roomAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC, when the oldest of them expires, or without an Idempotency-Key."));
    }

    /// <summary>
    /// Remembers an operation in the change being stored (its answer follows with <see cref="KeepAnswer"/> unless it has
    /// none), forgetting only expired ones.
    /// </summary>
    public static void Record(List<AppliedOperation> remembered, string id, DateTimeOffset rememberUntil, bool hasAnswer, DateTimeOffset now)
    {
        remembered.RemoveAll(o => now >= o.RememberUntil || o.Id == id);
        remembered.Add(new AppliedOperation(id, rememberUntil, AnswerKept: !hasAnswer, Answer: null));
    }

    /// <summary>Keeps an operation's answer; false when it is too large (the operation stays remembered without it).</summary>
    public static bool KeepAnswer(List<AppliedOperation> remembered, string id, byte[] answer)
    {
        var index = remembered.FindIndex(o => o.Id == id);
        if (index < 0 || answer.Length > MaxAnswerBytes)
        {
            return false;
        }

        remembered[index] = remembered[index] with { AnswerKept = true, Answer = answer };
        var total = remembered.Sum(o => o.Answer?.Length ?? 0);
        for (var i = 0; i < remembered.Count && total > MaxAnswerBytesInAll; i++)
        {
            if (i != index && remembered[i].Answer is { } dropped)
            {
                total -= dropped.Length;
                remembered[i] = remembered[i] with { AnswerKept = false, Answer = null };
            }
        }

        return true;
    }

    /// <summary>
    /// Drops every kept answer (an erasure: a stored answer may copy what was erased). The operations stay remembered, so
    /// none is applied twice; a run again after this gets the state's answer or <c>CONFLICT</c>, never the erased one.
    /// </summary>
    public static void ForgetAnswers(List<AppliedOperation> remembered)
    {
        for (var i = 0; i < remembered.Count; i++)
        {
            if (remembered[i].Answer is not null)
            {
                remembered[i] = remembered[i] with { AnswerKept = false, Answer = null };
            }
        }
    }
}
