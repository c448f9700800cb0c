namespace CertGrid.Domain.Retries;

/// <summary>
/// The idempotent receiver's memory, kept in a grain's state: which operations (requests under an idempotency key,
/// one id per grain call) it applied, so a run again after a lost answer gets the first answer instead of applying the
/// change twice. Bounded: entries expire with their key's record, at most <see cref="MaxRemembered"/> are kept (the
/// oldest go first), and kept answers share <see cref="MaxAnswerBytesInAll"/> (the oldest answers are dropped first;
/// their operations stay remembered, so they are still never applied twice).
/// </summary>
public static class AppliedOperations
{
    public const int MaxRemembered = 200;
    public const int MaxAnswerBytes = 32 * 1024;
    public const int MaxAnswerBytesInAll = 96 * 1024;

    /// <summary>The operation if this grain applied it and still remembers it; null otherwise.</summary>
    public static AppliedOperation? Find(IReadOnlyList<AppliedOperation> remembered, string id, DateTimeOffset now) =>
        remembered.FirstOrDefault(o => o.Id == id && now < o.RememberUntil);

    /// <summary>
    /// Remembers an operation in the change being stored (its answer follows with <see cref="KeepAnswer"/> unless it has
    /// none), forgetting expired ones and the oldest beyond the bound.
    /// </summary>
    public static void Record(List<AppliedOperation> remembered, string id, DateTimeOffset rememberUntil, bool hasAnswer, DateTimeOffset now)
    {
        remembered.RemoveAll(o => now >= o.RememberUntil || o.Id == id);
        remembered.Add(new AppliedOperation(id, rememberUntil, AnswerKept: !hasAnswer, Answer: null));
        if (remembered.Count > MaxRemembered)
        {
            remembered.RemoveRange(0, remembered.Count - MaxRemembered);
        }
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
}
