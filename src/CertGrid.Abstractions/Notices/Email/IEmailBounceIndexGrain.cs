using CertGrid.Abstractions.Paging;

namespace CertGrid.Abstractions.Notices.Email;

/// <summary>Lists a community's learners and evaluators whose email address bounces, for admins. Key: the community id.</summary>
public interface IEmailBounceIndexGrain : IGrainWithStringKey
{
    [ReadOnly]
    Task<Page<EmailBounce>> ListAsync(PageRequest page);
}
