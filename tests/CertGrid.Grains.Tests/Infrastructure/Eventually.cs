namespace CertGrid.Grains.Tests.Infrastructure;

/// <summary>
/// Waits for something a one-way message causes (the deadline bucket notifies attempts and calendars without waiting):
/// polls briefly until the condition holds, and fails with the last value otherwise. No fixed sleeps.
/// </summary>
public static class Eventually
{
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what, int timeoutMs = 10_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        var delay = 10;
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}; last value: {value}");
            }

            await Task.Delay(delay);
            delay = Math.Min(delay * 2, 200);
        }
    }
}
