namespace CertGrid.Grains.Persistence;

public abstract partial class DurableGrain<TState>
{
    private static readonly TimeSpan[] StoredCheckPauses = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(800)];

    /// <summary>
    /// After a grain's first write failed (<c>UNAVAILABLE</c>: storage may have stored it and lost only its answer),
    /// whether storage certainly holds no record of the grain: it is read again (three tries), and true only when it
    /// answers that there is none. False when a record is there, or when storage does not answer (uncertain); the
    /// activation stays discarded either way. For undoing what was reserved for a change only when it never landed.
    /// </summary>
    protected async Task<bool> CertainlyNeverStoredAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await state.ReadStateAsync();
                return !state.RecordExists;
            }
            catch (Exception ex) when (ex is not CertGridException)
            {
                if (attempt >= StoredCheckPauses.Length)
                {
                    Logger.LogError(ex, "Storage could not tell whether the first write of {Grain} in {Community} was stored", this.GetGrainId(), Community);
                    return false;
                }

                await Task.Delay(StoredCheckPauses[attempt]);
            }
        }
    }
}
