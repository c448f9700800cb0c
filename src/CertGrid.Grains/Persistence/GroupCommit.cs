namespace CertGrid.Grains.Persistence;

/// <summary>
/// The one place a reentrant grain writes its state: writes never overlap (so the grain never races its own
/// ETag), and every change made while a write is in flight goes out together in the next write. Callers await
/// the write that carries their change. Runs on the grain's scheduler, so it needs no locks.
/// </summary>
public sealed class GroupCommit(Func<Task> write)
{
    private TaskCompletionSource? _next;
    private bool _writing;

    public Task CommitAsync()
    {
        _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var carried = _next.Task;
        if (!_writing)
        {
            _ = WriteLoopAsync();
        }

        return carried;
    }

    private async Task WriteLoopAsync()
    {
        _writing = true;
        try
        {
            while (_next is { } batch)
            {
                _next = null;
                try
                {
                    await write();
                    batch.SetResult();
                }
                catch (Exception ex)
                {
                    batch.SetException(ex);
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }
}
