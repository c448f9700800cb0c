using GraphQL.Builders;
using GraphQL.Types;

namespace CertGrid.Api.Retries;

/// <summary>
/// Which mutations may run a second time under the same idempotency key after the first run's answer was lost (the
/// cluster did not answer): those that meet what their first run did instead of doing it again, because the ids they
/// create are derived from the key (<see cref="RetryIds"/>) or because they set a state rather than add to it. Declared
/// next to the field; every other mutation is refused with <c>IDEMPOTENCY_OUTCOME_UNKNOWN</c> in that case.
/// </summary>
public static class RetrySafety
{
    public const string MetadataKey = "certgrid.retries.safeToRunAgain";

    public static FieldBuilder<TSource, TReturn> SafeToRunAgain<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        field.FieldType.Metadata[MetadataKey] = true;
        return field;
    }

    public static bool IsSafeToRunAgain(this FieldType? field) => field?.GetMetadata(MetadataKey, false) == true;
}
