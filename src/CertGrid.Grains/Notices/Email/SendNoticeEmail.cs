using CertGrid.Domain.Notices;
using CertGrid.Domain.Notices.Email;
using CertGrid.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.Notices.Email;

/// <summary>
/// A notice reaches its learner or evaluator by email (<see cref="NoticeMailer"/>), after the change that produced it is stored and
/// without holding up the call: a relay that is down or slow is retried with the effect's backoff; the email's id makes
/// a repeat send nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.send-notice-email")]
public sealed record SendNoticeEmail([property: Id(0)] NoticeEmail Email) : Effect
{
    public override string Receiver => $"email:{Email.RecipientId}";

    /// <summary>One email per notice.</summary>
    public static IEnumerable<SendNoticeEmail> For(IEnumerable<Notice> notices) => notices.Select(n => new SendNoticeEmail(NoticeEmail.Of(n)));

    public override Task ApplyAsync(EffectContext context) =>
        context.Services.GetRequiredService<NoticeMailer>().DeliverAsync(context.Grains, context.Community, Email);
}
