using CertGrid.Domain.Notices;
using CertGrid.Grains.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.Notices;

/// <summary>
/// Notices a change produced (a renewal reminder, an expiry) reach their holder's list and the webhook delivery queue
/// (<see cref="NoticePublisher"/>); a notice's id makes publishing it again change nothing.
/// </summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.publish-notices")]
public sealed record PublishNotices([property: Id(0)] IReadOnlyList<Notice> Notices) : Effect
{
    public override string Receiver => "notices";

    public override Task ApplyAsync(EffectContext context) =>
        context.Services.GetRequiredService<NoticePublisher>().PublishAsync(context.Grains, context.Community, Notices);
}
