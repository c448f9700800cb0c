using CertGrid.Abstractions.OAuth;
using CertGrid.Api.Access.Rules;
using GraphQL.Types;

namespace CertGrid.Api.OAuth;

public sealed class ClientGrantType : ObjectGraphType<ClientGrant>
{
    public ClientGrantType()
    {
        Name = "OAuthClientGrant";
        Description = "An OAuth 2.0 client (a wallet, another badge host) you allowed to use the Open Badges API for you.";
        Field(x => x.AuthorizationId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The consent's id; withdrawOAuthClient takes it.");
        Field(x => x.ClientId, type: typeof(NonNullGraphType<IdGraphType>)).Description("The client's id, as it registered.");
        Field(x => x.ClientName, nullable: false).Description("The name the client registered with.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("scopes")
            .Description("The Open Badges 3.0 scopes you allowed.").Resolve(ctx => ctx.Source.Scopes);
        Field(x => x.GrantedAt, nullable: false).Description("When you allowed it (UTC instant).");
        Field(x => x.LastUsedAt, nullable: true).Description("When it last called the API with this consent (UTC instant, to the minute); null if never.");
        this.AuthorizeOtherFieldsAsParent();
    }
}
