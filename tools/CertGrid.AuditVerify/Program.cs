using CertGrid.AuditVerify;

return AuditVerifyCommand.Run(args, Console.In, Console.Out, Console.Error);
