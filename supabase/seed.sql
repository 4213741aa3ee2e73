-- Demo data: the 2026 participation plan as of late November, the survey consent notice and
-- the three seed surveys. Runs once, on a freshly migrated database.

-- The initial load is the starting state, not a staff change: keep it out of the audit log.
alter table public.plan_activities disable trigger plan_activities_audit;
alter table public.plan_evidence disable trigger plan_evidence_audit;

-- PLAN
insert into public.plan_phases (code, name) values
  (1, 'Diagnóstico'),
  (2, 'Formulación/planeación de políticas, planes, programas o proyectos'),
  (3, 'Implementación/ejecución/colaboración'),
  (4, 'Control/evaluación'),
  (5, 'Acciones transversales');

insert into public.plan_activities
  (code, phase_code, position, title, objective, product, status, responsible_area, starts_on, ends_on, action_label, action_href, updated_at)
values
  ('1.1', 1, 1,
   'Ejercicios participativos para identificar debilidades o problemas en la oferta de servicios',
   'Identificar las fortalezas y debilidades que tiene la agencia en la oferta de servicios, buscando información acerca del conocimiento de la oferta de servicios por parte de los usuarios.',
   'Resultados de encuesta',
   'in_progress', 'Oficina Asesora de Planeación', '2026-09-01', '2026-12-15',
   'Responder la encuesta', '/encuestas/oferta-de-servicios', '2026-09-01 08:30-05'),
  ('1.2', 1, 2,
   'Encuesta de satisfacción telefónica',
   'Documentar la satisfacción que tienen los usuarios frente a la prestación de servicios de la entidad.',
   'Informe de encuestas telefónicas realizadas',
   'in_progress', 'Atención al Ciudadano', '2026-09-15', '2026-12-11',
   null, null, '2026-09-15 09:00-05'),
  ('1.3', 1, 3,
   'Ejercicio de levantamiento de información interna',
   'Realizar el diagnóstico de cumplimiento de requisitos normativos referentes a la participación ciudadana.',
   'Diagnóstico',
   'done', 'Oficina Asesora de Planeación', '2026-02-02', '2026-03-31',
   null, null, '2026-03-27 16:10-05'),
  ('2.1', 2, 1,
   'Cronograma de rendición de cuentas por medios electrónicos',
   'Definir las actividades a desarrollar y las fechas de cumplimiento con el fin de realizar el ejercicio de rendición de cuentas por medios electrónicos, acorde con el Manual Único de Rendición de Cuentas.',
   'Cronograma de rendición de cuentas',
   'done', 'Oficina Asesora de Planeación', '2026-03-02', '2026-04-30',
   null, null, '2026-04-24 11:45-05'),
  ('2.2', 2, 2,
   'Encuestas de percepción por medios electrónicos',
   'Realizar una encuesta en redes sociales para identificar el alcance que tienen las publicaciones entre los seguidores de la agencia.',
   'Encuesta formulada en herramienta web',
   'done', 'Comunicaciones', '2026-05-04', '2026-06-30',
   'Responder la encuesta', '/encuestas/percepcion-redes', '2026-06-15 10:00-05'),
  ('2.3', 2, 3,
   'Diseño de servicios de registro para boletería de Leones en línea y registro de asesorías de emprendimiento',
   'Diseñar e implementar servicios en línea acordes con el análisis de uso de la entidad.',
   'Servicios en línea habilitados',
   'done', 'Tecnologías de la Información', '2026-04-01', '2026-08-31',
   null, null, '2026-08-28 17:20-05'),
  ('3.1', 3, 1,
   'Ejercicio de gamificación sobre el uso eficiente del papel',
   'Realizar un ejercicio de gamificación para definir la política de uso eficiente del papel.',
   'Resultados del ejercicio y política definida',
   'done', 'Secretaría General', '2026-06-01', '2026-07-31',
   null, null, '2026-07-30 15:00-05'),
  ('3.2', 3, 2,
   'Rendición de cuentas por medios electrónicos',
   'Realizar dos ejercicios de rendición de cuentas por medios electrónicos.',
   'Audiencias públicas realizadas',
   'in_progress', 'Oficina Asesora de Planeación', '2026-08-03', '2026-12-04',
   null, null, '2026-09-25 18:30-05'),
  ('3.3', 3, 3,
   'Evaluación de la rendición de cuentas por medios electrónicos',
   'Realizar la reunión de evaluación y consolidación del informe con la finalidad de verificar las evidencias, informar los resultados e identificar las acciones de mejora necesarias para los ejercicios.',
   'Informes de la rendición de cuentas',
   'pending', 'Oficina Asesora de Planeación', '2026-12-07', '2026-12-18',
   null, null, '2026-02-02 08:00-05'),
  ('4.1', 4, 1,
   'Monitoreo de uso de las redes sociales',
   'Realizar seguimiento y monitoreo a las redes sociales por medio de la identificación del aumento o la disminución de seguidores.',
   'Informe de monitoreo de las redes sociales',
   'in_progress', 'Comunicaciones', '2026-02-02', '2026-12-18',
   null, null, '2026-11-03 09:15-05'),
  ('4.2', 4, 2,
   'Monitoreo a las visitas del sitio web',
   'Realizar seguimiento a la publicación de la información y, adicionalmente, monitorear las visitas al sitio web institucional.',
   'Informe de monitoreo a las visitas del sitio web',
   'in_progress', 'Tecnologías de la Información', '2026-02-02', '2026-12-18',
   null, null, '2026-11-03 09:40-05'),
  ('5.1', 5, 1,
   'Capacitación y sensibilización a ciudadanos sobre la estrategia y los mecanismos de participación habilitados por la entidad',
   'Definir el procedimiento de participación ciudadana por medios electrónicos y publicarlo en el sitio web; de igual forma, definir el plan de participación ciudadana para la vigencia.',
   'Procedimiento documentado',
   'done', 'Atención al Ciudadano', '2026-02-02', '2026-04-30',
   null, null, '2026-04-29 14:00-05'),
  ('5.2', 5, 2,
   'Estrategia de divulgación de la participación a través de redes sociales y sitio web',
   'Publicar en las redes sociales y en el sitio web las invitaciones a diligenciar las encuestas y a participar en los ejercicios que se realicen.',
   'Invitaciones a diligenciar encuestas',
   'in_progress', 'Comunicaciones', '2026-03-02', '2026-12-18',
   null, null, '2026-09-01 10:30-05'),
  ('5.3', 5, 3,
   'Divulgación de la incidencia de la participación',
   'Divulgar los resultados de la participación.',
   'Evidencias de divulgación',
   'pending', 'Comunicaciones', '2026-12-01', '2026-12-22',
   null, null, '2026-02-02 08:00-05');

-- Evidence links only to pages the portal serves today; the rest arrive with their reports.
insert into public.plan_evidence (activity_code, label, url, added_at) values
  ('1.1', 'Encuesta sobre la oferta de servicios publicada', '/encuestas/oferta-de-servicios', '2026-09-01 08:30-05'),
  ('1.2', 'Formulario de la encuesta telefónica de satisfacción', '/encuestas/satisfaccion-telefonica', '2026-09-15 09:00-05'),
  ('1.2', 'Informe de encuestas telefónicas realizadas', '/informes/telefonico/satisfaccion-telefonica', '2026-11-20 16:00-05'),
  ('2.2', 'Encuesta de percepción publicada en la herramienta web', '/encuestas/percepcion-redes', '2026-06-15 10:00-05'),
  ('2.2', 'Portal de participación con el enlace a la encuesta', '/', '2026-06-16 09:00-05'),
  ('2.3', 'Portal de servicios en línea habilitado', '/', '2026-08-28 17:20-05'),
  ('2.3', 'Cifras de uso de la boletería en línea', '/informes/boleteria', '2026-11-28 08:00-05'),
  ('5.2', 'Invitación a responder la encuesta de percepción en redes', '/encuestas/percepcion-redes', '2026-06-16 11:00-05');

alter table public.plan_activities enable trigger plan_activities_audit;
alter table public.plan_evidence enable trigger plan_evidence_audit;

-- CONSENT NOTICE
insert into public.consent_texts (version, purpose, body, published_at) values
  ('encuestas-v1',
   'Analizar las respuestas de las encuestas de participación ciudadana para planear y mejorar los servicios de la agencia.',
   'Aviso de privacidad (Ley 1581 de 2012 y Decreto 1377 de 2013). La agencia, como responsable del tratamiento, '
   || 'recogerá sus respuestas a esta encuesta con la única finalidad de analizar la oferta y la calidad de sus servicios '
   || 'y planear acciones de mejora; los resultados se publican solo de forma agregada. No le pedimos su nombre ni su documento: '
   || 'evite escribir datos personales en las respuestas abiertas. Como titular, usted tiene derecho a conocer, actualizar, '
   || 'rectificar y suprimir sus datos, a solicitar prueba de esta autorización y a revocarla, a través de los canales de '
   || 'Atención al Ciudadano. Consulte la política de tratamiento de datos personales en /datos-personales.',
   '2026-02-02 08:00-05');

-- SURVEYS
-- Written for their purpose (plan activities 1.1, 1.2 and 2.2). Open surveys carry no closing
-- date so the demo keeps accepting answers; staff close them from the builder.
alter table public.surveys disable trigger surveys_audit;
alter table public.survey_questions disable trigger survey_questions_audit;
alter table public.survey_question_options disable trigger survey_question_options_audit;
alter table public.survey_question_items disable trigger survey_question_items_audit;

insert into public.surveys (slug, plan_activity_code, title, description, status, opens_at, closes_at, consent_version, created_at, updated_at) values
  ('oferta-de-servicios', '1.1',
   'Encuesta sobre la oferta de servicios',
   'Queremos saber qué tanto conoce nuestros servicios, cuáles ha usado, cómo los califica y qué problemas ha encontrado, para mejorar la oferta. Tiene tres partes cortas y le tomará unos 5 minutos.',
   'open', '2026-09-01 08:00-05', null, 'encuestas-v1', '2026-08-25 10:00-05', '2026-08-25 10:00-05'),
  ('satisfaccion-telefonica', '1.2',
   'Encuesta de satisfacción telefónica',
   'El equipo de Atención al Ciudadano aplica esta encuesta por teléfono a personas que usaron nuestros servicios; también puede responderla aquí. Si ya recibió nuestra llamada, no necesita responderla de nuevo. Le tomará unos 3 minutos.',
   'open', '2026-09-15 08:00-05', null, 'encuestas-v1', '2026-09-10 10:00-05', '2026-09-10 10:00-05'),
  ('percepcion-redes', '2.2',
   'Encuesta de percepción de nuestras redes sociales',
   'Ayúdenos a saber si nuestras publicaciones le llegan y le sirven. Son cuatro preguntas y le tomará unos 2 minutos.',
   'open', '2026-06-15 08:00-05', null, 'encuestas-v1', '2026-06-10 10:00-05', '2026-06-10 10:00-05');

-- Conditions name an earlier question and the answers that show this one (see survey_questions.condition).
insert into public.survey_questions (survey_id, key, position, section, type, label, help, required, min_value, max_value, allow_other, condition)
select s.id, q.key, q.position, q.section, q.type, q.label, q.help, q.required, q.min_value, q.max_value, q.allow_other, q.condition::jsonb
from public.surveys s
join (values
  -- 1.1 Service offer: what people know, what they used, how it went and what fails.
  ('oferta-de-servicios', 'conocimiento_servicios', 1, 'Conocimiento de la oferta', 'matrix',
   '¿Qué tanto conoce cada uno de estos servicios de la agencia?', 'Elija una respuesta para cada servicio.', true, null, null, false, null),
  ('oferta-de-servicios', 'medio_enterado', 2, 'Conocimiento de la oferta', 'single_choice',
   '¿Por qué medio se enteró de la mayoría de nuestros servicios?', null, true, null, null, true, null),
  ('oferta-de-servicios', 'uso_ultimo_ano', 3, 'Conocimiento de la oferta', 'single_choice',
   '¿Ha usado algún servicio de la agencia en los últimos 12 meses?', null, true, null, null, false, null),
  ('oferta-de-servicios', 'calificacion_servicios', 4, 'Experiencia con los servicios', 'matrix',
   'Califique de 1 a 5 cada servicio que haya usado.', '1 es muy malo y 5 es excelente. Deje sin marcar los servicios que no ha usado.', false, null, null, false,
   '{"question": "uso_ultimo_ano", "anyOf": ["si"]}'),
  ('oferta-de-servicios', 'calificacion_general', 5, 'Experiencia con los servicios', 'scale_5',
   'En general, ¿cómo califica los servicios que ha recibido de la agencia?', '1 es muy malo y 5 es excelente.', true, null, null, false,
   '{"question": "uso_ultimo_ano", "anyOf": ["si"]}'),
  ('oferta-de-servicios', 'debilidades', 6, 'Experiencia con los servicios', 'multiple_choice',
   '¿Qué problemas ha encontrado al buscar o usar nuestros servicios?', 'Marque hasta tres, los que más le han afectado.', false, null, 3, true, null),
  ('oferta-de-servicios', 'debilidades_detalle', 7, 'Experiencia con los servicios', 'long_text',
   'Cuéntenos con más detalle qué pasó y qué deberíamos mejorar.', 'No escriba datos personales como su documento o su teléfono.', false, null, null, false, null),
  ('oferta-de-servicios', 'recomendacion', 8, 'Recomendación y comentarios', 'nps',
   '¿Qué tan probable es que recomiende los servicios de la agencia a un familiar o amigo?', '0 es nada probable y 10 es muy probable.', true, null, null, false, null),
  ('oferta-de-servicios', 'servicio_nuevo', 9, 'Recomendación y comentarios', 'short_text',
   '¿Qué servicio le gustaría que la agencia ofreciera?', null, false, null, null, false, null),
  ('oferta-de-servicios', 'comentarios', 10, 'Recomendación y comentarios', 'long_text',
   '¿Tiene algún otro comentario o sugerencia?', null, false, null, null, false, null),

  -- 1.2 Satisfaction with the attention received (CSAT and NPS), applied mostly by telephone.
  ('satisfaccion-telefonica', 'servicio_usado', 1, 'La atención que recibió', 'single_choice',
   '¿Qué servicio de la agencia usó más recientemente?', null, true, null, null, false, null),
  ('satisfaccion-telefonica', 'canal_atencion', 2, 'La atención que recibió', 'single_choice',
   '¿Por qué canal lo atendimos?', null, true, null, null, false, null),
  ('satisfaccion-telefonica', 'fecha_atencion', 3, 'La atención que recibió', 'date',
   '¿En qué fecha lo atendimos?', 'Si no la recuerda con exactitud, indique una fecha aproximada.', false, null, null, false, null),
  ('satisfaccion-telefonica', 'solicitud_resuelta', 4, 'La atención que recibió', 'single_choice',
   '¿Se resolvió su solicitud?', null, true, null, null, false, null),
  ('satisfaccion-telefonica', 'contactos', 5, 'La atención que recibió', 'number',
   '¿Cuántas veces tuvo que comunicarse con nosotros por esa misma solicitud?', 'Cuente también la primera vez. Escriba un número del 1 al 20.', false, 1, 20, false, null),
  ('satisfaccion-telefonica', 'csat', 6, 'Su opinión', 'scale_5',
   'En general, ¿qué tan satisfecho quedó con la atención recibida?', '1 es muy insatisfecho y 5 es muy satisfecho.', true, null, null, false, null),
  ('satisfaccion-telefonica', 'motivos_insatisfaccion', 7, 'Su opinión', 'multiple_choice',
   '¿Qué fue lo que no le gustó de la atención?', 'Marque todo lo que aplique.', false, null, null, true,
   '{"question": "csat", "anyOf": ["1", "2"]}'),
  ('satisfaccion-telefonica', 'nps', 8, 'Su opinión', 'nps',
   '¿Qué tan probable es que recomiende los servicios de la agencia a un familiar o amigo?', '0 es nada probable y 10 es muy probable.', true, null, null, false, null),
  ('satisfaccion-telefonica', 'razones', 9, 'Su opinión', 'long_text',
   '¿Cuál es la razón principal de sus calificaciones?', 'Cuéntenos qué funcionó bien y qué podemos mejorar. No escriba datos personales.', false, null, null, false, null),

  -- 2.2 Perception of the agency's social networks (the link is shared with ?utm_source=<network>).
  ('percepcion-redes', 'redes_sigue', 1, null, 'multiple_choice',
   '¿En cuáles redes sociales sigue a la agencia?', 'Marque todas las que apliquen.', true, null, null, false, null),
  ('percepcion-redes', 'frecuencia', 2, null, 'single_choice',
   '¿Con qué frecuencia ve nuestras publicaciones?', null, true, null, null, false, null),
  ('percepcion-redes', 'utilidad', 3, null, 'scale_5',
   '¿Qué tan útil le parece la información que publicamos?', '1 es nada útil y 5 es muy útil.', true, null, null, false, null),
  ('percepcion-redes', 'contenidos_deseados', 4, null, 'long_text',
   '¿Qué le gustaría ver en nuestras redes sociales?', 'Por ejemplo: convocatorias, fechas de partidos, consejos para emprendedores, transmisiones en vivo.', false, null, null, false, null)
) as q(slug, key, position, section, type, label, help, required, min_value, max_value, allow_other, condition) on q.slug = s.slug;

-- The agency's services: options of 1.2's servicio_usado and rows of 1.1's matrices, so answers
-- about the same service share one key across surveys.
create temporary table seed_services (key, label, position) as values
  ('boleteria_leones', 'Boletería en línea para los partidos de Leones', 1),
  ('asesoria_emprendimiento', 'Asesoría a emprendedores', 2),
  ('capacitaciones', 'Capacitaciones y talleres', 3),
  ('convocatorias', 'Convocatorias y estímulos para emprendimientos', 4),
  ('eventos', 'Eventos deportivos, culturales y recreativos', 5),
  ('atencion_ciudadano', 'Atención al ciudadano (peticiones, quejas, reclamos y sugerencias)', 6);

insert into public.survey_question_items (question_id, key, label, position)
select q.id, v.key, v.label, v.position
from public.survey_questions q
join public.surveys s on s.id = q.survey_id
cross join seed_services v
where s.slug = 'oferta-de-servicios' and q.key in ('conocimiento_servicios', 'calificacion_servicios');

insert into public.survey_question_options (question_id, value, label, position)
select q.id, v.key, v.label, v.position
from public.survey_questions q
join public.surveys s on s.id = q.survey_id
cross join seed_services v
where s.slug = 'satisfaccion-telefonica' and q.key = 'servicio_usado';

insert into public.survey_question_options (question_id, value, label, position)
select q.id, o.value, o.label, o.position
from public.survey_questions q
join public.surveys s on s.id = q.survey_id
join (values
  ('oferta-de-servicios', 'conocimiento_servicios', 'no_conoce', 'No lo conozco', 1),
  ('oferta-de-servicios', 'conocimiento_servicios', 'conoce', 'Lo conozco, no lo he usado', 2),
  ('oferta-de-servicios', 'conocimiento_servicios', 'usado', 'Lo he usado', 3),

  ('oferta-de-servicios', 'medio_enterado', 'redes_sociales', 'Redes sociales de la agencia', 1),
  ('oferta-de-servicios', 'medio_enterado', 'sitio_web', 'Sitio web de la agencia', 2),
  ('oferta-de-servicios', 'medio_enterado', 'voz_a_voz', 'Por familiares, amigos o conocidos', 3),
  ('oferta-de-servicios', 'medio_enterado', 'medios', 'Radio, prensa o televisión', 4),
  ('oferta-de-servicios', 'medio_enterado', 'punto_atencion', 'En un punto de atención presencial', 5),
  ('oferta-de-servicios', 'medio_enterado', 'evento', 'En un evento o feria', 6),
  ('oferta-de-servicios', 'medio_enterado', 'no_conoce', 'No conocía los servicios', 7),
  ('oferta-de-servicios', 'medio_enterado', 'otro', 'Otro, ¿cuál?', 8),

  ('oferta-de-servicios', 'uso_ultimo_ano', 'si', 'Sí', 1),
  ('oferta-de-servicios', 'uso_ultimo_ano', 'no', 'No', 2),

  ('oferta-de-servicios', 'calificacion_servicios', '1', '1 — Muy malo', 1),
  ('oferta-de-servicios', 'calificacion_servicios', '2', '2 — Malo', 2),
  ('oferta-de-servicios', 'calificacion_servicios', '3', '3 — Regular', 3),
  ('oferta-de-servicios', 'calificacion_servicios', '4', '4 — Bueno', 4),
  ('oferta-de-servicios', 'calificacion_servicios', '5', '5 — Excelente', 5),

  ('oferta-de-servicios', 'debilidades', 'informacion_insuficiente', 'La información es insuficiente o difícil de encontrar', 1),
  ('oferta-de-servicios', 'debilidades', 'requisitos', 'Trámites largos o con muchos requisitos', 2),
  ('oferta-de-servicios', 'debilidades', 'demora_respuesta', 'Demora en las respuestas', 3),
  ('oferta-de-servicios', 'debilidades', 'horarios', 'Horarios de atención poco convenientes', 4),
  ('oferta-de-servicios', 'debilidades', 'fallas_en_linea', 'Fallas en los servicios en línea', 5),
  ('oferta-de-servicios', 'debilidades', 'cupos', 'Pocos cupos o boletas disponibles', 6),
  ('oferta-de-servicios', 'debilidades', 'trato', 'Trato poco amable', 7),
  ('oferta-de-servicios', 'debilidades', 'ninguno', 'No he tenido problemas', 8),
  ('oferta-de-servicios', 'debilidades', 'otro', 'Otro, ¿cuál?', 9),

  ('satisfaccion-telefonica', 'canal_atencion', 'presencial', 'Presencial, en un punto de atención', 1),
  ('satisfaccion-telefonica', 'canal_atencion', 'telefonico', 'Telefónico, en la línea de atención', 2),
  ('satisfaccion-telefonica', 'canal_atencion', 'correo', 'Correo electrónico', 3),
  ('satisfaccion-telefonica', 'canal_atencion', 'web', 'Sitio web o servicios en línea', 4),
  ('satisfaccion-telefonica', 'canal_atencion', 'redes', 'Redes sociales o WhatsApp', 5),

  ('satisfaccion-telefonica', 'solicitud_resuelta', 'si', 'Sí, por completo', 1),
  ('satisfaccion-telefonica', 'solicitud_resuelta', 'parcialmente', 'Solo en parte', 2),
  ('satisfaccion-telefonica', 'solicitud_resuelta', 'no', 'No', 3),

  ('satisfaccion-telefonica', 'motivos_insatisfaccion', 'demora', 'Tuve que esperar demasiado', 1),
  ('satisfaccion-telefonica', 'motivos_insatisfaccion', 'no_resolvieron', 'No resolvieron mi solicitud', 2),
  ('satisfaccion-telefonica', 'motivos_insatisfaccion', 'informacion_confusa', 'La información fue confusa o incompleta', 3),
  ('satisfaccion-telefonica', 'motivos_insatisfaccion', 'remitido', 'Me enviaron a otra dependencia sin darme solución', 4),
  ('satisfaccion-telefonica', 'motivos_insatisfaccion', 'trato', 'El trato no fue amable', 5),
  ('satisfaccion-telefonica', 'motivos_insatisfaccion', 'otro', 'Otro, ¿cuál?', 6),

  -- Values are the networks' utm_source names, so answers and reach per network join.
  ('percepcion-redes', 'redes_sigue', 'facebook', 'Facebook', 1),
  ('percepcion-redes', 'redes_sigue', 'instagram', 'Instagram', 2),
  ('percepcion-redes', 'redes_sigue', 'x', 'X (antes Twitter)', 3),
  ('percepcion-redes', 'redes_sigue', 'tiktok', 'TikTok', 4),
  ('percepcion-redes', 'redes_sigue', 'whatsapp', 'Canal de WhatsApp', 5),
  ('percepcion-redes', 'redes_sigue', 'youtube', 'YouTube', 6),
  ('percepcion-redes', 'redes_sigue', 'ninguna', 'No sigo a la agencia en redes sociales', 7),

  ('percepcion-redes', 'frecuencia', 'diaria', 'Todos los días', 1),
  ('percepcion-redes', 'frecuencia', 'semanal', 'Varias veces por semana', 2),
  ('percepcion-redes', 'frecuencia', 'mensual', 'Algunas veces al mes', 3),
  ('percepcion-redes', 'frecuencia', 'casi_nunca', 'Casi nunca', 4),
  ('percepcion-redes', 'frecuencia', 'nunca', 'Nunca las he visto', 5)
) as o(slug, key, value, label, position) on o.slug = s.slug and o.key = q.key;

drop table seed_services;

alter table public.surveys enable trigger surveys_audit;
alter table public.survey_questions enable trigger survey_questions_audit;
alter table public.survey_question_options enable trigger survey_question_options_audit;
alter table public.survey_question_items enable trigger survey_question_items_audit;

-- TELEPHONE SURVEY (1.2): a demo call list for satisfaccion-telefonica, worked through the same
-- functions the app uses (import as communications, calls as an interviewer), so the queue, the
-- call pages and /informes/telefonico/satisfaccion-telefonica have something to show.
-- Names and numbers are fictitious (300 555 01xx).
do $$
declare
  v_result  jsonb;
  v_contact jsonb;
  v_plan    jsonb := jsonb_build_array(
    jsonb_build_object('do', 'complete', 'answers', jsonb_build_object('servicio_usado', 'boleteria_leones', 'canal_atencion', 'web', 'solicitud_resuelta', 'si', 'csat', 5, 'nps', 10)),
    jsonb_build_object('do', 'complete', 'answers', jsonb_build_object('servicio_usado', 'asesoria_emprendimiento', 'canal_atencion', 'presencial', 'solicitud_resuelta', 'si', 'csat', 4, 'nps', 9)),
    jsonb_build_object('do', 'no_answer'),
    jsonb_build_object('do', 'complete', 'answers', jsonb_build_object('servicio_usado', 'boleteria_leones', 'canal_atencion', 'telefonico', 'solicitud_resuelta', 'parcialmente', 'csat', 2, 'motivos_insatisfaccion', jsonb_build_array('demora'), 'nps', 5)),
    jsonb_build_object('do', 'refused'),
    jsonb_build_object('do', 'callback'),
    jsonb_build_object('do', 'wrong_number')
  );
  v_step    jsonb;
begin
  perform set_config('request.jwt.claims', '{"sub":"demo-comunicaciones","email":"comunicaciones@agencia.gov.co","role":"authenticated","app_metadata":{"roles":["communications"]}}', true);
  v_result := public.staff_import_phone_contacts('satisfaccion-telefonica', '[
    {"line": 2, "fullName": "María Fernanda Ríos", "phone": "300 555 0101", "serviceUsed": "Boletería en línea", "consentBasis": "autorizacion_previa", "consentedOn": "2026-09-02"},
    {"line": 3, "fullName": "Jorge Iván Castaño", "phone": "300 555 0102", "serviceUsed": "Asesoría a emprendedores", "consentBasis": "autorizacion_previa", "consentedOn": "2026-09-05"},
    {"line": 4, "fullName": "Luz Dary Peña", "phone": "300 555 0103", "serviceUsed": "Boletería en línea", "consentBasis": "autorizacion_previa", "consentedOn": "2026-09-06"},
    {"line": 5, "fullName": "Andrés Felipe Mora", "phone": "300 555 0104", "serviceUsed": "Boletería en línea", "consentBasis": "solicitud_del_titular", "consentedOn": "2026-09-08"},
    {"line": 6, "fullName": "Claudia Patricia Gómez", "phone": "300 555 0105", "serviceUsed": "Asesoría a emprendedores", "consentBasis": "autorizacion_previa", "consentedOn": "2026-09-09"},
    {"line": 7, "fullName": "Hernán Darío López", "phone": "300 555 0106", "serviceUsed": "Capacitaciones y talleres", "consentBasis": "autorizacion_previa", "consentedOn": "2026-09-10"},
    {"line": 8, "fullName": "Sandra Milena Vargas", "phone": "300 555 0107", "serviceUsed": "Capacitaciones y talleres", "consentBasis": "autorizacion_previa", "consentedOn": "2026-09-11"},
    {"line": 9, "fullName": "Óscar Eduardo Ruiz", "phone": "300 555 0108", "serviceUsed": "Boletería en línea", "consentBasis": "autorizacion_previa", "consentedOn": "2026-09-12"}
  ]'::jsonb);
  if not (v_result ->> 'ok')::boolean then
    raise exception 'demo telephone import failed: %', v_result;
  end if;

  perform set_config('request.jwt.claims', '{"sub":"demo-encuestadora","email":"encuestas@agencia.gov.co","role":"authenticated","app_metadata":{"roles":["interviewer"]}}', true);
  for v_step in select value from jsonb_array_elements(v_plan) loop
    v_contact := public.staff_next_phone_contact('satisfaccion-telefonica') -> 'value' -> 'contact';
    v_result := case v_step ->> 'do'
      when 'complete' then public.staff_complete_phone_call((v_contact ->> 'id')::bigint, v_step -> 'answers', 'encuestas-v1', null, 'demo-seed')
      when 'callback' then public.staff_record_call_outcome((v_contact ->> 'id')::bigint, 'callback',
        (date_trunc('day', now() at time zone 'America/Bogota') + interval '1 day 10 hours') at time zone 'America/Bogota', 'Pidió que la llamen en la mañana.')
      else public.staff_record_call_outcome((v_contact ->> 'id')::bigint, v_step ->> 'do')
    end;
    if not (v_result ->> 'ok')::boolean then
      raise exception 'demo telephone call % failed: %', v_step, v_result;
    end if;
  end loop;
  -- The 8th contact stays pending: the queue has someone to call.

  perform set_config('request.jwt.claims', '', true);
end;
$$;

-- MONITORING HISTORY AND PUBLISHED RESULTS
-- Follower counts per network at the end of each quarter (4.1); the 2.2 reach report divides by them.
alter table public.social_followers disable trigger user;
insert into public.social_followers (network, measured_on, followers) values
  ('facebook',  '2026-03-31', 18250), ('facebook',  '2026-06-30', 18940), ('facebook',  '2026-09-30', 19610),
  ('instagram', '2026-03-31', 9120),  ('instagram', '2026-06-30', 10480), ('instagram', '2026-09-30', 11935),
  ('x',         '2026-03-31', 6410),  ('x',         '2026-06-30', 6390),  ('x',         '2026-09-30', 6322),
  ('tiktok',    '2026-03-31', 1200),  ('tiktok',    '2026-06-30', 2950),  ('tiktok',    '2026-09-30', 4870),
  ('whatsapp',  '2026-06-30', 820),   ('whatsapp',  '2026-09-30', 1540),
  ('youtube',   '2026-03-31', 2310),  ('youtube',   '2026-06-30', 2405),  ('youtube',   '2026-09-30', 2530);
alter table public.social_followers enable trigger user;

-- The telephone survey's answers above are published, so /resultados has a report to show.
alter table public.surveys disable trigger surveys_audit;
update public.surveys set results_published_at = now() where slug = 'satisfaccion-telefonica';
alter table public.surveys enable trigger surveys_audit;

-- STAFF ROSTER (local sign-in with a code; Supabase deployments use auth.users instead)
-- One demo person per role: the code is written to the server log and DATA_DIR/correo-local.jsonl.
insert into private.staff_roster (email, roles) values
  ('admin@agencia.gov.co',          array['admin']),
  ('comunicaciones@agencia.gov.co', array['communications']),
  ('asesoria@agencia.gov.co',       array['advisor']),
  ('encuestas@agencia.gov.co',      array['interviewer']),
  ('taquilla@agencia.gov.co',       array['box_office'])
on conflict (email) do nothing;

-- ===========================================================================================
-- TICKETS (plan activity 2.3) — kept at the end of the seed; times are relative to the first start
-- so the demo always has an event open now, one opening later and one sold out with a waiting list.
-- ===========================================================================================
alter table public.plan_activities disable trigger plan_activities_audit;
alter table public.plan_evidence disable trigger plan_evidence_audit;
alter table public.events disable trigger events_audit_insert_delete;

update public.plan_activities
set action_label = 'Reservar boletas', action_href = '/servicios/boleteria'
where code = '2.3';

insert into public.plan_evidence (activity_code, label, url, added_at) values
  ('2.3', 'Boletería de Leones en línea', '/servicios/boleteria', '2026-11-28 09:00-05');

with day0 as (select date_trunc('day', now() at time zone 'America/Bogota') as d)
insert into public.events
  (slug, title, description, venue, address, starts_at, ends_at, capacity, remaining, max_per_registration, opens_at, closes_at)
select v.slug, v.title, v.description, v.venue, v.address,
       (d + v.starts) at time zone 'America/Bogota',
       (d + v.starts + interval '2 hours') at time zone 'America/Bogota',
       v.capacity, v.capacity, v.max_per_registration,
       coalesce((d + v.opens) at time zone 'America/Bogota', now() - interval '1 hour'),
       (d + v.starts - interval '2 hours') at time zone 'America/Bogota'
from day0, (values
  ('leones-vs-halcones',
   'Leones vs. Halcones: fecha 14 de la Liga de Baloncesto',
   'Partido de local de los Leones en la fase regular de la liga. Boletas gratuitas para la tribuna oriental, '
   || 'entregadas por la agencia dentro del programa de deporte y ciudad.' || E'\n\n'
   || 'Ingreso por la puerta 3 desde las 6:00 p. m. Presente el código QR de su boleta desde el celular o impreso, '
   || 'con su documento de identidad.',
   'Coliseo Iván de Bedout', 'Carrera 70 con calle 48, Unidad Deportiva Atanasio Girardot, Medellín',
   interval '9 days 19 hours', null::interval, 400, 4),
  ('leones-vs-toros',
   'Leones vs. Toros: fecha 16 de la Liga de Baloncesto',
   'Segundo partido de local del mes. Las inscripciones abren tres días antes de la fecha anunciada en redes.',
   'Coliseo Iván de Bedout', 'Carrera 70 con calle 48, Unidad Deportiva Atanasio Girardot, Medellín',
   interval '20 days 19 hours', interval '3 days 10 hours', 400, 4),
  ('clinica-de-baloncesto-juvenil',
   'Clínica de baloncesto juvenil con los Leones',
   'Entrenamiento abierto para jóvenes de 12 a 17 años con el cuerpo técnico de los Leones. Cupos limitados.',
   'Coliseo Yesid Santos', 'Calle 47D con carrera 70, Medellín',
   interval '6 days 9 hours', null::interval, 2, 2)
) as v(slug, title, description, venue, address, starts, opens, capacity, max_per_registration);

-- The clinic is sold out through the registration function itself (seats, consents and ticket
-- e-mails as a citizen would leave them), and one person waits for a seat.
select public.register_for_event('clinica-de-baloncesto-juvenil', 'Mariana Restrepo Gómez', 'CC', '1036640001',
  'mariana.restrepo@example.co', null, 2, true);
select public.join_waitlist('clinica-de-baloncesto-juvenil', 'Julián Ospina Mejía', 'julian.ospina@example.co', 1, true);

alter table public.plan_activities enable trigger plan_activities_audit;
alter table public.plan_evidence enable trigger plan_evidence_audit;
alter table public.events enable trigger events_audit_insert_delete;
