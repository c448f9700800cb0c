using CertGrid.Abstractions.Retries;

namespace CertGrid.Grains.Persistence;

/// <summary>A call to a durable grain that carries an operation id, while it runs: whether its change was stored yet.</summary>
internal sealed class RunningOperation(object grain, RetriedOperation operation, Type? answerType)
{
    public object Grain { get; } = grain;

    public RetriedOperation Operation { get; } = operation;

    /// <summary>What the call returns (kept as its answer); null for a call that only completes.</summary>
    public Type? AnswerType { get; } = answerType;

    public bool HasAnswer => AnswerType is not null;

    /// <summary>A write of the call stored the operation in the grain's state.</summary>
    public bool Recorded { get; set; }

    /// <summary>
    /// The answer the grain's state gave at the call's last write, serialised (not encrypted), stored with that write;
    /// null when none could be made. When the call's real answer is the same, no second write is needed.
    /// </summary>
    public byte[]? StoredAnswer { get; set; }

    /// <summary>The call has returned; a later write (an effect pass on a timer, say) is not part of it.</summary>
    public bool Done { get; set; }
}
