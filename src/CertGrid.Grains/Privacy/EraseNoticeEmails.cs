using CertGrid.Abstractions.Notices.Email;
using CertGrid.Grains.Notices.Email;
using CertGrid.Grains.Persistence;
using CertGrid.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CertGrid.Grains.Privacy;

/// <summary>Forgets an erased learner's email preferences and bounce, and deletes the records of the emails sent to them.</summary>
[GenerateSerializer, Immutable, Alias("certgrid.effect.erase-notice-emails")]
public sealed record EraseNoticeEmails([property: Id(0)] string LearnerId) : Effect
{
    public override string Receiver => ErasurePlan.ReceiverOf(LearnerId);

    public override async Task ApplyAsync(EffectContext context)
    {
        await context.Grains.EmailPreferences(context.Community, LearnerId).EraseAsync();
        var storage = context.Services.GetRequiredService<StorageClients>();
        var table = storage.ReadModel(storage.Names.NoticeEmailsTable);
        var doomed = new List<string>();
        await foreach (var row in table.ScanAsync<EmailDeliveryRow>(context.Community, EmailDeliveryRow.RecipientPrefix(LearnerId)))
        {
            doomed.Add(row.RowKey);
        }

        foreach (var rowKey in doomed)
        {
            await table.DeleteAsync(context.Community, rowKey);
        }
    }
}
