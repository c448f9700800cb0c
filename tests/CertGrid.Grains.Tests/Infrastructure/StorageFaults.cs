using System.Collections.Concurrent;
using Azure;
using Orleans.Storage;

namespace CertGrid.Grains.Tests.Infrastructure;

/// <summary>
/// Grain storage that fails, in the manner of Orleans' <c>FaultInjectionGrainStorage</c> (Orleans.TestingHost), but by
/// share rather than per grain: while a test has faults armed for a community, every n-th of that community's
/// grain-state writes and every m-th read fail with what Azure Storage answers when it is overloaded (503 Server Busy),
/// whichever grains they come from. Every other failing write fails <em>after</em> the row was stored (the answer was
/// lost: the caller cannot tell the write happened). Counting, not chance, so every run meets each kind of fault.
/// A test can also fail one write of one grain (<see cref="FailOneWrite"/>): the write after its change, say, or the
/// change itself after storing it. Registered on every test silo around the real storage; inert unless a test arms it.
/// </summary>
public sealed class StorageFaults(string clusterKey, IGrainStorage storage) : IGrainStorage
{
    private static readonly ConcurrentDictionary<string, Plan> Armed = new();
    private static readonly ConcurrentDictionary<(string Cluster, string Grain), OneWrite> ArmedWrites = new();
    private static readonly ConcurrentDictionary<(string Cluster, string Grain), bool> ArmedReads = new();

    /// <summary>One write of one grain to fail: the one after <c>skip</c> more of its writes succeeded.</summary>
    private sealed class OneWrite(int skip, bool afterStoring)
    {
        private int _writes;

        public bool AfterStoring { get; } = afterStoring;

        public bool Fails() => Interlocked.Increment(ref _writes) == skip + 1;
    }

    /// <summary>
    /// Fails the grain's write that follows <paramref name="skip"/> successful ones, once, with the same 503; after
    /// storing the row when <paramref name="afterStoring"/> (the answer lost), before it otherwise.
    /// </summary>
    public static void FailOneWrite(string clusterKey, string grainKey, int skip, bool afterStoring) =>
        ArmedWrites[(clusterKey, grainKey)] = new OneWrite(skip, afterStoring);

    /// <summary>Fails every read of one grain's state until <see cref="EndFailingReads"/>: storage cannot say what it holds.</summary>
    public static void FailReads(string clusterKey, string grainKey) => ArmedReads[(clusterKey, grainKey)] = true;

    public static void EndFailingReads(string clusterKey, string grainKey) => ArmedReads.TryRemove((clusterKey, grainKey), out _);

    /// <summary>What to fail, and what was failed so far.</summary>
    public sealed class Plan(string community, int everyNthWrite, int everyNthRead)
    {
        private int _writes;
        private int _reads;
        private int _writesRefused;
        private int _writesLost;
        private int _readsRefused;

        public string Community { get; } = community;

        /// <summary>Writes that failed without storing anything.</summary>
        public int WritesRefused => _writesRefused;

        /// <summary>Writes that stored the row and then failed, as if the answer was lost.</summary>
        public int WritesWithLostAnswer => _writesLost;

        public int ReadsRefused => _readsRefused;

        internal bool FailsWrite(out bool afterStoring)
        {
            var write = Interlocked.Increment(ref _writes);
            afterStoring = write / everyNthWrite % 2 == 0;
            if (write % everyNthWrite != 0)
            {
                return false;
            }

            Interlocked.Increment(ref afterStoring ? ref _writesLost : ref _writesRefused);
            return true;
        }

        internal bool FailsRead()
        {
            var fails = Interlocked.Increment(ref _reads) % everyNthRead == 0;
            if (fails)
            {
                Interlocked.Increment(ref _readsRefused);
            }

            return fails;
        }
    }

    /// <summary>From now on, fails every n-th of the community's grain-state writes and every m-th read in this cluster.</summary>
    public static Plan Arm(string clusterKey, string community, int everyNthWrite, int everyNthRead) =>
        Armed[clusterKey] = new Plan(community, everyNthWrite, everyNthRead);

    public static void Disarm(string clusterKey) => Armed.TryRemove(clusterKey, out _);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ArmedReads.ContainsKey((clusterKey, grainId.Key.ToString()!)) || PlanFor(grainId)?.FailsRead() == true
            ? throw ServerBusy("read")
            : storage.ReadStateAsync(stateName, grainId, grainState);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var afterStoring = false;
        if (ArmedWrites.TryGetValue((clusterKey, grainId.Key.ToString()!), out var one) && one.Fails())
        {
            ArmedWrites.TryRemove((clusterKey, grainId.Key.ToString()!), out _);
            afterStoring = one.AfterStoring;
        }
        else if (PlanFor(grainId)?.FailsWrite(out afterStoring) != true)
        {
            await storage.WriteStateAsync(stateName, grainId, grainState);
            return;
        }

        if (afterStoring)
        {
            await storage.WriteStateAsync(stateName, grainId, grainState);
        }

        throw ServerBusy("write");
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        storage.ClearStateAsync(stateName, grainId, grainState);

    private Plan? PlanFor(GrainId grainId) =>
        Armed.TryGetValue(clusterKey, out var plan) && grainId.Key.ToString() is { } key && (key == plan.Community || key.StartsWith(plan.Community + "/", StringComparison.Ordinal))
            ? plan
            : null;

    private static RequestFailedException ServerBusy(string what) =>
        new(503, $"The server is busy (a {what} failed by the test's storage fault injection).", "ServerBusy", null);
}
