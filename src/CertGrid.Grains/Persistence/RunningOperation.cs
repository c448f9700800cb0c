using CertGrid.Abstractions.Retries;

namespace CertGrid.Grains.Persistence;

/// <summary>A call to a durable grain that carries an operation id, while it runs: whether its change was stored yet.</summary>
internal sealed class RunningOperation(object grain, RetriedOperation operation, bool hasAnswer)
{
    public object Grain { get; } = grain;

    public RetriedOperation Operation { get; } = operation;

    /// <summary>The call returns a value (kept as its answer), not only a completed task.</summary>
    public bool HasAnswer { get; } = hasAnswer;

    /// <summary>A write of the call stored the operation in the grain's state.</summary>
    public bool Recorded { get; set; }

    /// <summary>The call has returned; a later write (an effect pass on a timer, say) is not part of it.</summary>
    public bool Done { get; set; }
}
