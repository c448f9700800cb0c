using CertGrid.Api.GraphQl;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Resolvers;

namespace CertGrid.Api.Access.Rules;

/// <summary>How a subscription field opens its stream only for callers its declared rule admits.</summary>
public static class StreamAccess
{
    /// <summary>
    /// The field's stream: <paramref name="open"/> runs once <see cref="AuthorizationCheckpoint.AdmitStreamAsync"/> admitted
    /// the caller, and its events are read until the subscriber leaves (the token <paramref name="open"/> is given ends
    /// then). Each event is also the field's value.
    /// </summary>
    public static FieldBuilder<TSource, object> ResolveAdmittedStream<TSource, TEvent>(
        this FieldBuilder<TSource, object> field, Func<IResolveFieldContext, CancellationToken, IAsyncEnumerable<TEvent>> open)
        where TEvent : class
    {
        field.FieldType.StreamResolver = new SourceStreamResolver<object?>(async context =>
        {
            try
            {
                await AuthorizationCheckpoint.AdmitStreamAsync(context);
                var reading = new CancellationTokenSource();
                try
                {
                    // Opened now, so a bad argument is refused before the stream starts.
                    return new AsyncEnumerableObservable<TEvent>(open(context, reading.Token), reading);
                }
                catch
                {
                    reading.Dispose();
                    throw;
                }
            }
            catch (CertGridException ex) when (ex.Code != ErrorCode.Internal)
            {
                throw CertGridErrorMiddleware.ErrorOf(ex);
            }
        });
        return field.Resolve(context => context.Source!);
    }
}
