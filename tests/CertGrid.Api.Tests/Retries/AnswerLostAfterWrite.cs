using CertGrid.Abstractions.Assessments;
using Orleans;
using Orleans.Runtime;

namespace CertGrid.Api.Tests.Retries;

/// <summary>
/// A test-only fault: once armed for a method of a grain interface, its next call does its work (stores the
/// change) and then its answer is lost — the caller gets <see cref="SiloUnavailableException"/>, as it would if the silo
/// died between the grain's write and its answer. Remembers which node it happened on, so the test can stop that silo.
/// </summary>
public sealed class AnswerLostAfterWrite(int node, AnswerLostAfterWrite.Fault fault) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        if (fault.Take($"{context.InterfaceMethod.DeclaringType?.Name}.{context.InterfaceMethod.Name}", node))
        {
            throw new SiloUnavailableException("Injected by the test: the change was stored, then the silo's answer was lost.");
        }
    }

    public sealed class Fault
    {
        private string? _armedFor;

        /// <summary>The node whose answer was lost; null until then.</summary>
        public int? LostOn { get; private set; }

        /// <summary>Arms the fault for a method of <see cref="IAttemptGrain"/>.</summary>
        public void Arm(string method) => Arm<IAttemptGrain>(method);

        public void Arm<TGrain>(string method) => Interlocked.Exchange(ref _armedFor, $"{typeof(TGrain).Name}.{method}");

        public bool Take(string method, int node)
        {
            // Strings compare by value here; the exchange compares references, so it swaps the very string it read.
            var armed = Volatile.Read(ref _armedFor);
            if (armed != method || Interlocked.CompareExchange(ref _armedFor, null, armed) != armed)
            {
                return false;
            }

            LostOn = node;
            return true;
        }
    }
}
