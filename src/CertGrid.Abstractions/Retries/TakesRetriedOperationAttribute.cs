namespace CertGrid.Abstractions.Retries;

/// <summary>
/// On a method of a grain that is not a durable one and writes its change to a table: the gateway's operation id stays on
/// calls to it (other such grains have it dropped), and the method takes it (<see cref="RetriedOperation.Take"/>) to mark
/// the change applied in the same table transaction, so a run again after a lost answer applies nothing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TakesRetriedOperationAttribute : Attribute;
