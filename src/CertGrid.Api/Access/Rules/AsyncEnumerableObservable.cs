namespace CertGrid.Api.Access.Rules;

/// <summary>
/// A subscription's source stream as GraphQL.NET takes it (<see cref="IObservable{T}"/>): subscribing starts reading the
/// sequence, disposing the subscription cancels <paramref name="reading"/>, the token the sequence was opened with. One
/// subscriber per instance (one per subscription request).
/// </summary>
public sealed class AsyncEnumerableObservable<T>(IAsyncEnumerable<T> sequence, CancellationTokenSource reading) : IObservable<object?>
    where T : class
{
    public IDisposable Subscribe(IObserver<object?> observer)
    {
        _ = ReadAsync(observer, reading.Token);
        return new Subscription(reading);
    }

    private async Task ReadAsync(IObserver<object?> observer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in sequence.WithCancellation(cancellationToken))
            {
                observer.OnNext(item);
            }

            observer.OnCompleted();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The subscriber left.
        }
        catch (Exception ex)
        {
            observer.OnError(ex);
        }
    }

    private sealed class Subscription(CancellationTokenSource reading) : IDisposable
    {
        public void Dispose()
        {
            reading.Cancel();
            reading.Dispose();
        }
    }
}
