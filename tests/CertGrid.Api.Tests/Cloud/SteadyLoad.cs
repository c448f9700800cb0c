using System.Collections.Concurrent;

namespace CertGrid.Api.Tests.Cloud;

/// <summary>
/// A community's admins working steadily through the public URL while the cluster changes: two of them, each enrolling
/// a learner (an acknowledged write), then reading it back, again and again. Every outcome is kept with the phase its
/// request began in. Two, so one request held up by a silo that is leaving (answered once the silo is gone) does not
/// leave the phase of that change without a request of its own.
/// </summary>
public sealed class SteadyLoad : IAsyncDisposable
{
    private readonly CommunityScenario _scenario;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private volatile string _phase = "start";

    private SteadyLoad(CommunityScenario scenario)
    {
        _scenario = scenario;
        _running = Task.WhenAll(RunAsync(), RunAsync());
    }

    /// <summary>(phase, operation, outcome code: OK or the error's extensions.code / HTTP status).</summary>
    public ConcurrentQueue<(string Phase, string Operation, string Code)> Outcomes { get; } = new();

    /// <summary>Learners whose enrolment was acknowledged (the mutation answered with an id).</summary>
    public ConcurrentBag<string> Acknowledged { get; } = [];

    public static SteadyLoad Start(CommunityScenario scenario) => new(scenario);

    public void Phase(string name) => _phase = name;

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _running;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var phase = _phase;
            var (code, body) = await SendAsync(
                "mutation($input: EnrolLearnerInput!) { enrolLearner(input: $input) { id } }",
                new { input = new { name = "Steady Learner", email = $"steady-{Guid.NewGuid():N}@example.org" } });
            Outcomes.Enqueue((phase, "enrolLearner", code));
            if (code == "OK")
            {
                var id = body.GetProperty("data").GetProperty("enrolLearner").GetProperty("id").GetString()!;
                Acknowledged.Add(id);
                var (readCode, _) = await SendAsync("query($id: ID) { learner(id: $id) { id } }", new { id });
                Outcomes.Enqueue((phase, "learner", readCode));
            }

            await Task.Delay(100);
        }
    }

    private async Task<(string Code, JsonElement Body)> SendAsync(string query, object variables)
    {
        try
        {
            var (status, body) = await _scenario.GraphQl.SendAsync(query, variables, _scenario.AdminKey);
            return body.TryGetProperty("errors", out var errors)
                ? (errors[0].GetProperty("extensions").GetProperty("code").GetString() ?? $"HTTP {status}", body)
                : (status == 200 ? "OK" : $"HTTP {status}", body);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return ("NO ANSWER: " + ex.GetType().Name, default);
        }
    }
}
