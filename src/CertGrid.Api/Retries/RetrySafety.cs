using GraphQL.Builders;
using GraphQL.Types;

namespace CertGrid.Api.Retries;

/// <summary>
/// Whether a mutation may run a second time under the same idempotency key after the first run's answer was lost (the
/// cluster did not answer). Every mutation declares it next to its access rule: <see cref="SafeToRunAgain{TSource, TReturn}"/>
/// when a second run meets what the first did instead of doing it again — each durable grain it changes remembers the
/// run's operation ids with the change and answers them with the first answer (<see cref="OperationIds"/>), and the
/// ids it creates are derived from the key (<see cref="RetryIds"/>); <see cref="NotSafeToRunAgain{TSource, TReturn}"/>,
/// with the reason, when it cannot (a retry is then refused with <c>IDEMPOTENCY_OUTCOME_UNKNOWN</c>).
/// <c>RetrySafetyCoverageTests</c> walks the schema, so no mutation goes undeclared; docs/api/graphql.md lists the exceptions.
/// </summary>
public static class RetrySafety
{
    public const string MetadataKey = "certgrid.retries.safeToRunAgain";
    public const string ExceptionKey = "certgrid.retries.notSafeToRunAgain";

    public static FieldBuilder<TSource, TReturn> SafeToRunAgain<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        field.FieldType.Metadata[MetadataKey] = true;
        return field;
    }

    /// <param name="why">Why a second run could apply the change twice or cannot give the first answer (for the docs).</param>
    public static FieldBuilder<TSource, TReturn> NotSafeToRunAgain<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, string why)
    {
        field.FieldType.Metadata[ExceptionKey] = why;
        return field;
    }

    public static bool IsSafeToRunAgain(this FieldType? field) => field?.GetMetadata(MetadataKey, false) == true;

    /// <summary>The declared reason a mutation may not run again, or null.</summary>
    public static string? WhyNotSafeToRunAgain(this FieldType? field) => field?.GetMetadata(ExceptionKey, (string?)null);
}
