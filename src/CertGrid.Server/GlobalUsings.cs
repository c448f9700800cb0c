global using Microsoft.Extensions.Logging;
global using ErrorCode = CertGrid.Domain.Errors.ErrorCode;
