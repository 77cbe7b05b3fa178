-- questions: people ask about a product, on its page or on a post that tags it (post_id), and people who posted or
-- bought the product answer, with the badge that entitled them, decided when they answer. Hidden by moderation's
-- takedown like posts and comments.
create table product_questions (
    id            bigserial     primary key,
    product_id    bigint        not null references products (id),
    post_id       bigint        references posts (id) on delete set null,
    author_id     bigint        not null references accounts (id),
    body          varchar(500)  not null check (length(body) between 1 and 500),
    created_at    timestamptz   not null default now(),
    hidden_at     timestamptz,
    hidden_reason varchar(1000)
);
-- a product's questions, newest first (the list's keyset order; hidden ones stay in it, as admins and their author
-- still see them, marked)
create index product_questions_list_idx on product_questions (product_id, created_at desc, id desc);

create table product_answers (
    id            bigserial     primary key,
    question_id   bigint        not null references product_questions (id) on delete cascade,
    author_id     bigint        not null references accounts (id),
    body          varchar(1000) not null check (length(body) between 1 and 1000),
    badge         varchar(10)   not null check (badge in ('BOUGHT', 'POSTED')),
    created_at    timestamptz   not null default now(),
    hidden_at     timestamptz,
    hidden_reason varchar(1000)
);
-- a question's answers, oldest first (hidden ones too, for admins and their author)
create index product_answers_question_idx on product_answers (question_id, created_at, id);

-- one person's questions and answers, newest first (their data export)
create index product_questions_author_idx on product_questions (author_id, created_at desc, id desc);
create index product_answers_author_idx on product_answers (author_id, created_at desc, id desc);

-- questions: what moderation and notifications name (the reports queue, the report form, a notification's link)
create view question_facts as
select id, product_id, author_id, body, created_at, hidden_at
from product_questions;

create view answer_facts as
select a.id, a.question_id, q.product_id, a.author_id, a.body, a.created_at, a.hidden_at
from product_answers a
join product_questions q on q.id = a.question_id;

-- moderation: questions and answers can be reported
alter table reports drop constraint if exists reports_target_type_check;
alter table reports add constraint reports_target_type_check
    check (target_type in ('POST', 'COMMENT', 'ACCOUNT', 'QUESTION', 'ANSWER'));

-- notifications: a question or its answer links to the question (QUESTION_ASKED, QUESTION_ANSWERED already pass the
-- kind check of V162)
alter table notifications add column question_id bigint;
