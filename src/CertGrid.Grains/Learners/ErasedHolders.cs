using CertGrid.Abstractions.Learners;
using CertGrid.Grains.Persistence;

namespace CertGrid.Grains.Learners;

/// <summary>
/// Effects that act for a learner who may be erased before they are applied (a credential earned just before the
/// erasure, a renewal accepted just before it). What they would do for an erased learner has nobody to do it for, and
/// doing it would bring their personal data back; failing <c>NOT_FOUND</c> would retry it for ever.
/// </summary>
internal static class ErasedHolders
{
    /// <summary>
    /// Applies <paramref name="apply"/>; when it fails <c>NOT_FOUND</c> and the learner is gone (erased), the effect is
    /// done and only logged. Any other failure, or <c>NOT_FOUND</c> while the learner is there, fails the effect as usual.
    /// </summary>
    public static async Task UnlessErasedAsync(EffectContext context, string learnerId, string what, Func<Task> apply)
    {
        try
        {
            await apply();
        }
        catch (CertGridException notFound) when (notFound.Code == ErrorCode.NotFound)
        {
            if (await context.Grains.Learner(context.Community, learnerId).FindWithoutWaitingAsync() is not null)
            {
                throw;
            }

            context.Logger.LogInformation("{What} in {Community} was not done: learner {LearnerId} was erased first", what, context.Community, learnerId);
        }
    }
}
