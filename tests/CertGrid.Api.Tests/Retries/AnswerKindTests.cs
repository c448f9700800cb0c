using System.Text;
using CertGrid.Api.Retries;

namespace CertGrid.Api.Tests.Retries;

/// <summary>Which answers are kept for replay, which free the key, and which mean the outcome is unknown.</summary>
public sealed class AnswerKindTests
{
    [Theory]
    [InlineData(200, """{"data":{"enrolLearner":{"id":"lrn_x"}}}""", AnswerKind.Final)]
    [InlineData(200, """{"errors":[{"message":"taken","extensions":{"code":"CONFLICT"}}],"data":{"enrolLearner":null}}""", AnswerKind.Final)]
    [InlineData(400, """{"errors":[{"message":"bad","extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}""", AnswerKind.Final)]
    [InlineData(200, """{"errors":[{"message":"later","extensions":{"code":"UNAVAILABLE"}}],"data":null}""", AnswerKind.Lost)]
    [InlineData(200, """{"errors":[{"message":"slow","extensions":{"code":"TIMEOUT"}}],"data":{"a":null}}""", AnswerKind.Lost)]
    [InlineData(200, """{"errors":[{"message":"bug","extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}""", AnswerKind.Lost)]
    [InlineData(503, """{"errors":[{"message":"later","extensions":{"code":"UNAVAILABLE"}}]}""", AnswerKind.NotRun)]
    [InlineData(429, """{"errors":[{"message":"slow down","extensions":{"code":"RATE_LIMITED"}}]}""", AnswerKind.NotRun)]
    [InlineData(401, """{"errors":[{"message":"who","extensions":{"code":"UNAUTHENTICATED"}}]}""", AnswerKind.NotRun)]
    [InlineData(500, "not json", AnswerKind.Lost)]
    public void Classifies_an_answer_by_its_status_and_error_codes(int status, string body, AnswerKind expected)
    {
        Assert.Equal(expected, AnswerKinds.Of(status, Encoding.UTF8.GetBytes(body)));
    }
}
